/**
 * Makes `localhost` and every `*.localhost` name resolve to 127.0.0.1 in this
 * process, so that SDK clients whose endpoint gets an account-id host prefix
 * (S3 Control) reach a local sandbox. `startSandbox` calls it; processes that
 * only talk to a sandbox started elsewhere load `loopback.cjs` with
 * `node --require` instead.
 *
 * @public
 */
export function installLoopbackResolver(): void {
  // The resolver is plain JavaScript so that `node --require` can load it
  // into any process without a TypeScript transform.
  // eslint-disable-next-line @backstage/no-relative-monorepo-imports, @typescript-eslint/no-require-imports
  require('../loopback.cjs');
}
