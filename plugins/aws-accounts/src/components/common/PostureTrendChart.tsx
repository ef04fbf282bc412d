import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDate } from './formatTimestamp';

/** One point of a trend: score in percent and critical findings. @internal */
export interface TrendPoint {
  date: string;
  score: number | null;
  critical: number | null;
}

function describeTrend(points: TrendPoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  const score = (point: TrendPoint) =>
    point.score === null ? 'no score' : `score ${point.score}%`;
  const critical = (point: TrendPoint) =>
    point.critical === null
      ? 'critical findings unknown'
      : `${point.critical} critical findings`;
  return `From ${formatDate(first.date)} (${score(first)}, ${critical(
    first,
  )}) to ${formatDate(last.date)} (${score(last)}, ${critical(last)}).`;
}

/**
 * Score and critical findings over time, on two axes. The chart carries a
 * text summary of the first and last points for screen readers.
 *
 * @internal
 */
export function PostureTrendChart(props: {
  points: TrendPoint[];
  title: string;
  height?: number;
}) {
  const { points, title, height = 260 } = props;
  const theme = useTheme();

  if (points.length === 0) {
    return (
      <Typography variant="body2">
        No history yet: the trend appears after the second collection.
      </Typography>
    );
  }

  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <figcaption>
        <Typography variant="caption" color="textSecondary">
          {describeTrend(points)}
        </Typography>
      </figcaption>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart
          data={points}
          margin={{ top: 8, right: 8, left: 0, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" tickFormatter={formatDate} minTickGap={24} />
          <YAxis yAxisId="score" domain={[0, 100]} unit="%" />
          <YAxis yAxisId="critical" orientation="right" allowDecimals={false} />
          <Tooltip labelFormatter={label => formatDate(String(label))} />
          <Legend />
          <Line
            yAxisId="score"
            type="monotone"
            dataKey="score"
            name="Score"
            stroke={theme.palette.primary.main}
            dot={false}
            connectNulls={false}
          />
          <Line
            yAxisId="critical"
            type="monotone"
            dataKey="critical"
            name="Critical findings"
            stroke="#8e0000"
            strokeDasharray="5 3"
            dot={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
