import dns from 'node:dns';

let installed = false;

/**
 * S3 Control prefixes the endpoint host with the account id
 * (`500000000001.localhost`), a name no resolver on a build machine
 * answers. Resolving every `*.localhost` name to the loopback address lets
 * the product's own clients reach the sandbox unchanged; only name
 * resolution of this test process differs from production.
 */
export function routeLocalhostSubdomains(): void {
  if (installed) {
    return;
  }
  installed = true;
  const original = dns.lookup;
  const patched = (
    hostname: string,
    options: unknown,
    callback?: unknown,
  ): void => {
    const done = (typeof options === 'function' ? options : callback) as (
      ...args: unknown[]
    ) => void;
    if (hostname.endsWith('.localhost')) {
      const all =
        typeof options === 'object' &&
        options !== null &&
        (options as { all?: boolean }).all;
      if (all) {
        done(null, [{ address: '127.0.0.1', family: 4 }]);
      } else {
        done(null, '127.0.0.1', 4);
      }
      return;
    }
    (original as (...args: unknown[]) => void)(hostname, options, callback);
  };
  Object.assign(dns, { lookup: patched });
}
