#!/usr/bin/env node
// Fails when yarn.lock resolves any @backstage/* package to more than one
// version: mixed release lines are how a plugin ends up calling a core
// service method that its backend-defaults does not have.
import { readFileSync } from 'node:fs';

const lockfile = readFileSync(new URL('../yarn.lock', import.meta.url), 'utf8');
const versions = new Map();
let current;
for (const line of lockfile.split('\n')) {
  const entry = line.match(/^"?(@backstage\/[^@"]+)@/);
  if (entry) {
    current = entry[1];
    continue;
  }
  const version = line.match(/^ {2}version: "?([^"\s]+)"?/);
  if (current && version) {
    if (!versions.has(current)) versions.set(current, new Set());
    versions.get(current).add(version[1]);
    current = undefined;
  }
}

const mixed = [...versions].filter(([, found]) => found.size > 1);
if (mixed.length > 0) {
  for (const [name, found] of mixed) {
    console.error(`${name} resolves to ${[...found].join(', ')}`);
  }
  console.error(
    'Align these to one Backstage release line in the package.json files, then run yarn install and yarn dedupe.',
  );
  process.exit(1);
}
console.log(
  `${versions.size} @backstage packages, each resolved to a single version`,
);
