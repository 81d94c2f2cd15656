import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Links are plain <a>: every page is a full load of cached HTML. next/link would add its code to every page
    // and prefetch each linked page in view (about 30 requests per article view): docs/decisions/0010-page-weight-budget.md.
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  {
    ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'db/migrations/**', 'test-results/**', 'playwright-report/**'],
  },
];

export default config;
