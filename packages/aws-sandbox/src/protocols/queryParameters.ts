/**
 * Reads the flattened `Name.1.Member` parameters of the awsQuery and EC2
 * protocols into nested objects and arrays. The awsQuery `member` and
 * `entry` segments are dropped, so `Tags.member.1.Key` and EC2's
 * `TagSpecification.1.Tag.1.Key` both become arrays of objects.
 */
export function parseQueryParameters(
  params: URLSearchParams,
): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of params) {
    if (name === 'Action' || name === 'Version') {
      continue;
    }
    const segments = name
      .split('.')
      .filter(segment => segment !== 'member' && segment !== 'entry');
    assign(root, segments, value);
  }
  return root;
}

type Container = Record<string, unknown> | unknown[];

function assign(root: Container, segments: string[], value: string) {
  let node: Container = root;
  for (let i = 0; i < segments.length; i++) {
    const key = toKey(segments[i]);
    const last = i === segments.length - 1;
    if (last) {
      setChild(node, key, value);
      return;
    }
    let child = getChild(node, key);
    if (child === undefined || typeof child !== 'object' || child === null) {
      child = /^\d+$/.test(segments[i + 1]) ? [] : {};
      setChild(node, key, child);
    }
    node = child as Container;
  }
}

function toKey(segment: string): string | number {
  return /^\d+$/.test(segment) ? Number(segment) - 1 : segment;
}

function getChild(node: Container, key: string | number): unknown {
  return Array.isArray(node)
    ? node[Number(key)]
    : (node as Record<string, unknown>)[String(key)];
}

function setChild(node: Container, key: string | number, value: unknown) {
  if (Array.isArray(node)) {
    node[Number(key)] = value;
  } else {
    node[String(key)] = value;
  }
}
