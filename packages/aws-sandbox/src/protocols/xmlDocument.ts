import { XMLBuilder } from 'fast-xml-parser';

/**
 * A list whose items are written under a name other than the protocol's
 * default (`member` for awsQuery, `item` for EC2), e.g. RDS's `DBCluster`.
 *
 * @public
 */
export class XmlList {
  constructor(readonly items: unknown[], readonly itemName: string) {}
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
  processEntities: true,
});

/**
 * Turns an output object into the tree fast-xml-parser writes: arrays become
 * wrapped lists, dates ISO 8601 text, booleans and numbers text, and absent
 * members are left out.
 */
export function toXmlTree(value: unknown, listItemName: string): unknown {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (value instanceof XmlList) {
    return wrapList(value.items, value.itemName, listItemName);
  }
  if (Array.isArray(value)) {
    return wrapList(value, listItemName, listItemName);
  }
  if (typeof value === 'object') {
    const tree: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      const converted = toXmlTree(member, listItemName);
      if (converted !== undefined) {
        tree[key] = converted;
      }
    }
    return tree;
  }
  return String(value);
}

function wrapList(items: unknown[], itemName: string, listItemName: string) {
  if (items.length === 0) {
    return '';
  }
  return { [itemName]: items.map(item => toXmlTree(item, listItemName)) };
}

/** Writes an XML document with the given root element and namespace. */
export function buildXml(
  rootName: string,
  namespace: string | undefined,
  content: unknown,
  listItemName: string,
): string {
  const tree = toXmlTree(content, listItemName);
  const root: Record<string, unknown> =
    tree && typeof tree === 'object' ? { ...tree } : {};
  if (namespace) {
    root['@_xmlns'] = namespace;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({
    [rootName]: root,
  })}`;
}
