import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readFileSync } from 'node:fs';

/**
 * A sample AWS response from this folder, parsed. The files are
 * byte-identical copies of the shared samples; see README.md here.
 */
export function loadFixture<T = any>(relativePath: string): T {
  const path = resolvePackagePath(
    '@sra-backstage/plugin-aws-accounts-backend',
    'src/__fixtures__',
    relativePath,
  );
  return JSON.parse(readFileSync(path, 'utf8'));
}
