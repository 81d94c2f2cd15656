import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/helpers/chromium';
import { E2E_NEWSROOM_SECRET } from './e2e/helpers/newsroom';

const SERIAL = /(views.*|freshness|faults|fuzz|sitemaps)\.spec\.ts/;
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: SERIAL },
    { name: 'mobile', use: { ...devices['Pixel 7'], channel: undefined }, grep: /@mobile/, testIgnore: SERIAL },
    // The view counter's specs change counts, the freshness spec needs pages nobody else expires, the faults spec
    // starts servers and storms of its own, and the fuzz spec and the sitemaps spec (which generates archives and
    // crawls them) keep both CPUs busy, so they run alone, after the page specs, one test at a time.
    {
      name: 'serial',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      testMatch: SERIAL,
      dependencies: ['desktop', 'mobile'],
      fullyParallel: false,
      workers: 1,
    },
  ],
  webServer: {
    // The production build on a fresh, seeded database of its own.
    command: 'rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && node scripts/start.mjs',
    url: `${baseURL}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    // No rate limits here: every test talks from 127.0.0.1. The limits have their own servers in views-api.spec.ts
    // and newsroom.spec.ts. The newsroom's secret is a test value (e2e/helpers/newsroom.ts).
    env: {
      PORT: String(PORT),
      DATABASE_URL: 'file:data/e2e.db',
      MEDIA_DIR: 'data/e2e-media',
      SITE_URL: baseURL,
      VIEW_RATE_LIMIT: '0',
      NEWSROOM_SIGN_IN_RATE_LIMIT: '0',
      NEWSROOM_SECRET: E2E_NEWSROOM_SECRET,
    },
    stdout: 'pipe',
  },
});
