/**
 * A deterministic, AWS-looking resource id: the same account, Region and
 * name always give the same id, so seeds are reproducible.
 */
export function resourceId(prefix: string, ...parts: (string | number)[]) {
  return `${prefix}-${hexDigest(parts.join('/'), 17)}`;
}

/** A hexadecimal digest of the given length (FNV-1a, repeated). */
export function hexDigest(text: string, length: number): string {
  let out = '';
  let round = 0;
  while (out.length < length) {
    let hash = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(16).padStart(8, '0');
    round += 1;
  }
  return out.slice(0, length);
}

/** A deterministic UUID-shaped id. */
export function uuidFrom(...parts: (string | number)[]): string {
  const hex = hexDigest(parts.join('/'), 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(
    13,
    16,
  )}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
