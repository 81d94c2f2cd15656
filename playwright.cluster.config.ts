import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/helpers/chromium';

// The acceptance specs that `npm run test:cluster` (scripts/test-cluster.mjs) runs through its cache tier: the
// seed article exactly, its redirects and 404s, search with and without diacritics, what crawlers read (meta tags,
// structured data, robots.txt, sitemaps, feeds), and the newsroom's pages under their nonce-based policy, signed in
// through the tier (newsroom-csp.spec.ts). No web server here: the script starts two app processes and
// nginx in front of them, and sets E2E_PORT to the tier's port (the specs' absolute URLs use it), and
// E2E_DATABASE_URL / E2E_MEDIA_DIR to the cluster's database, where the specs' own imports go.
//
// Left out: the one test that reads sitemaps and feeds the instant after an import (through a shared cache that
// is the design's few seconds of staleness; scripts/test-cluster.mjs times an edit through the tier itself), and
// the phone-layout tests (@mobile), which say nothing about the tier.
const PORT = Number(process.env.E2E_PORT ?? 3900);

export default defineConfig({
  testDir: './e2e',
  testMatch: ['article.spec.ts', 'search.spec.ts', 'seo.spec.ts', 'newsroom-csp.spec.ts'],
  grepInvert: /@mobile|sitemaps and feeds are refreshed when content changes/,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  outputDir: 'test-results/cluster',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'cluster', use: { ...devices['Desktop Chrome'], channel: undefined } }],
});
