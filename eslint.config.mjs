import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const root = path.dirname(fileURLToPath(import.meta.url));
// The TypeScript resolver under the key eslint-config-next gives it (its resolved path), so that the options
// below are merged into its own.
const fromNextConfig = createRequire(createRequire(import.meta.url).resolve('eslint-config-next'));
const typescriptResolver = fromNextConfig.resolve('eslint-import-resolver-typescript');

// Who may import whom (docs/decisions/0017-layering.md). Each layer lists what it may import besides itself;
// npm packages are always allowed. env (env.ts, env.mjs) is the one reader of process.env.
const LAYERS = {
  app: { may: ['components', 'db', 'lib', 'config', 'env'] },
  components: {
    may: ['lib', 'config'],
    why: 'data and its types arrive as props (prop types in lib/types.ts or beside the component)',
  },
  db: { may: ['lib', 'config', 'env'] },
  lib: { may: [], why: 'pass what it needs (the site config too) as arguments' },
  server: { may: ['lib', 'config', 'env'] },
  config: { may: [] },
};
// Everything of the project a layer could import by mistake.
const PROJECT = {
  ...Object.fromEntries(Object.keys(LAYERS).map((layer) => [layer, [`./${layer}`]])),
  env: ['./env.ts', './env.mjs'],
  scripts: ['./scripts'],
  e2e: ['./e2e'],
};

/**
 * One zone per layer: its files may not import any part of the project outside its own layer and `may`. Tests
 * may also read the shared test data in e2e/fixtures/.
 */
function layerZones({ tests }) {
  const name = (part) => (part === 'env' ? part : `${part}/`);
  return Object.entries(LAYERS).flatMap(([layer, { may, why }]) => {
    const from = Object.entries(PROJECT)
      .filter(([part]) => part !== layer && !may.includes(part))
      .flatMap(([, paths]) => paths);
    const allowed = may.length ? `only ${may.slice(0, -1).map(name).join(', ')} and ${name(may.at(-1))}` : 'nothing of the project';
    const rule = `${layer}/ may import ${allowed}${why ? `: ${why}` : ''}`;
    const zone = { target: `./${layer}`, message: `Layering: ${rule} (docs/decisions/0017-layering.md).` };
    if (!tests) return [{ ...zone, from }];
    return [
      { ...zone, from: from.filter((f) => f !== './e2e') },
      { ...zone, from: './e2e', except: ['./fixtures'] },
    ];
  });
}

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Links are plain <a>: every page is a full load of cached HTML. next/link would add its code to every page
    // and prefetch each linked page in view (about 30 requests per article view): docs/decisions/0010-page-weight-budget.md.
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  {
    // The `import` plugin comes with eslint-config-next. These rules must see where an import leads: `@/` is
    // resolved through this tsconfig.json's paths, whatever directory eslint runs from. no-cycle parses every
    // module an import leads to; npm packages cannot import ours back, and parsing their type declarations took
    // most of the lint's time.
    settings: {
      'import/resolver': { [typescriptResolver]: { alwaysTryTypes: true, project: path.join(root, 'tsconfig.json') } },
      'import/ignore': ['node_modules'],
    },
    rules: {
      'import/no-restricted-paths': ['error', { basePath: root, zones: layerZones({ tests: false }) }],
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: { 'import/no-restricted-paths': ['error', { basePath: root, zones: layerZones({ tests: true }) }] },
  },
  {
    ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'db/migrations/**', 'test-results/**', 'playwright-report/**'],
  },
];

export default config;
