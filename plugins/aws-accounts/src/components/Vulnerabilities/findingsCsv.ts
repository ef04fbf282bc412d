import { Finding } from '@sra-backstage/plugin-aws-accounts-common';

const CSV_COLUMNS: Array<[string, (finding: Finding) => unknown]> = [
  ['severity', f => f.severity],
  ['title', f => f.title],
  ['vulnerability_id', f => f.vulnerabilityId],
  ['package', f => f.packageName],
  ['installed_version', f => f.installedVersion],
  ['fixed_version', f => f.fixedVersion],
  ['resource_type', f => f.resourceType],
  ['resource_id', f => f.resourceId],
  ['resource', f => f.resourceLabel],
  ['region', f => f.region],
  ['inspector_score', f => f.inspectorScore],
  ['exploit_available', f => f.exploitAvailable],
  ['fix_available', f => f.fixAvailable],
  ['status', f => f.status],
  ['first_observed_at', f => f.firstObservedAt],
  ['last_observed_at', f => f.lastObservedAt],
  ['arn', f => f.arn],
];

function csvCell(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  let text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  if (/^[=+\-@]/.test(text)) {
    text = `'${text}`;
  }
  if (/[",\r\n]/.test(text)) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/**
 * Findings as RFC 4180 CSV with a header line, cells guarded against
 * spreadsheet formula injection.
 *
 * @internal
 */
export function findingsToCsv(findings: Finding[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const finding of findings) {
    lines.push(CSV_COLUMNS.map(([, read]) => csvCell(read(finding))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
