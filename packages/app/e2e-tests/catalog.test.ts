import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openAsGuest } from './awsAccountsPages';

// The components this project describes in its own catalog-info.yaml, by the
// text the catalog table shows for them: the title, else the name.
function componentsOfThisProject(): string[] {
  const text = readFileSync(
    resolve(__dirname, '../../../catalog-info.yaml'),
    'utf8',
  );
  return text
    .split(/^---$/m)
    .filter(document => /^kind: Component$/m.test(document))
    .map(
      document =>
        document.match(/^ {2}title: (.+)$/m)?.[1] ??
        document.match(/^ {2}name: (\S+)$/m)![1],
    );
}

test('the portal loads and the catalog lists the components of catalog-info.yaml', async ({
  page,
}) => {
  const expected = componentsOfThisProject();
  expect(expected.length).toBeGreaterThan(5);

  await openAsGuest(page, '/catalog?filters[kind]=component&filters[user]=all');
  for (const name of expected) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }

  await openAsGuest(page, '/catalog?filters[kind]=system&filters[user]=all');
  await expect(
    page.getByRole('link', { name: 'AWS application accounts' }),
  ).toBeVisible();
});
