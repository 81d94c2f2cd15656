import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

// The layering of docs/decisions/0017-layering.md, as `npm run lint` sees it: snippets are linted with the
// project's own eslint.config.mjs as if they were files at the given paths (nothing is written to disk).
// One change: import/no-cycle's shortcut (strongly connected components, built from the files on disk) is off.
// With it, eslint-plugin-import 2.32.0 throws on a file that is not on disk (import-js/eslint-plugin-import#3286),
// and it would miss a circle that only the snippet closes.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { rules: { 'import/no-cycle': ['error', { ignoreExternal: true, disableScc: true }] } },
});

async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

test('a component that imports the data layer fails the lint, naming the rule and the layering rule', async () => {
  const found = await problems(
    'components/article/bad.tsx',
    "import { getArticleDetail } from '@/db/queries/articles';\nexport const load = getArticleDetail;\n",
  );
  assert.equal(found.length, 1);
  assert.match(found[0]!, /^import\/no-restricted-paths: Unexpected path "@\/db\/queries\/articles" imported in restricted zone\./);
  assert.match(found[0]!, /Layering: components\/ may import only lib\/ and config\/: data and its types arrive as props/);
});

test('a component may not take even a type from db/: prop types live in lib/', async () => {
  const found = await problems('components/listing/bad.tsx', "import type { ListingPage } from '@/db/queries/listings';\nexport type P = ListingPage;\n");
  assert.equal(found.length, 1);
  assert.match(found[0]!, /^import\/no-restricted-paths: .*components\/ may import only lib\/ and config\//);
});

test('a component that imports lib/, config/ and other components passes', async () => {
  const code = [
    "import { ArticleCard } from '@/components/listing/article-card';",
    "import { siteConfig } from '@/config/site';",
    "import type { ArticleTeaser } from '@/lib/types';",
    "import { articlePath } from '@/lib/urls';",
    'export const parts = { ArticleCard, siteConfig, articlePath };',
    'export type Teaser = ArticleTeaser;',
  ].join('\n');
  assert.deepEqual(await problems('components/listing/good.tsx', `${code}\n`), []);
});

test('lib/ that imports the site config fails: lib/ imports nothing of the project', async () => {
  const found = await problems('lib/seo/bad.ts', "import { siteConfig } from '@/config/site';\nexport const name = siteConfig.name;\n");
  assert.equal(found.length, 1);
  assert.match(found[0]!, /^import\/no-restricted-paths: .*Layering: lib\/ may import nothing of the project/);
});

test('db/ that imports a component fails', async () => {
  const found = await problems('db/queries/bad.ts', "import { ArticleCard } from '@/components/listing/article-card';\nexport const card = ArticleCard;\n");
  assert.equal(found.length, 1);
  assert.match(found[0]!, /^import\/no-restricted-paths: .*Layering: db\/ may import only lib\/, config\/ and env/);
});

test('server/ that imports the data layer fails, relative paths included', async () => {
  const found = await problems('server/bad.mjs', "import { checkDatabase } from '../db/queries/health';\nexport const check = checkDatabase;\n");
  assert.equal(found.length, 1);
  assert.match(found[0]!, /^import\/no-restricted-paths: Unexpected path "\.\.\/db\/queries\/health".*Layering: server\/ may import only lib\/, config\/ and env/);
});

test('a test next to lib/ may read e2e/fixtures/, lib/ code may not', async () => {
  const code = "import fixture from '@/e2e/fixtures/seed-article.json';\nexport const title = fixture.title;\n";
  assert.deepEqual(await problems('lib/bad.test.ts', code), []);
  assert.match((await problems('lib/bad.ts', code))[0]!, /^import\/no-restricted-paths: .*lib\/ may import nothing of the project/);
});

test('an import circle fails the lint: import/no-cycle follows @/ imports', async () => {
  const projectConfig = await new ESLint({ cwd: root }).calculateConfigForFile('lib/seo/metadata.ts');
  assert.equal(projectConfig.rules['import/no-cycle'][0], 2);
  // lib/seo/json-ld.ts imports lib/seo/metadata.ts: a metadata.ts that imports json-ld.ts closes a circle.
  const code = "import { serializeJsonLd } from '@/lib/seo/json-ld';\nexport const serialize = serializeJsonLd;\n";
  assert.deepEqual(await problems('lib/seo/metadata.ts', code), ['import/no-cycle: Dependency cycle detected.']);
});
