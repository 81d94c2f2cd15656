import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The e2e server's database and media store (see playwright.config.ts); those of the cluster under test when
 * `npm run test:cluster` runs specs through its cache tier (playwright.cluster.config.ts).
 */
export const E2E_ENV = {
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? 'file:data/e2e.db',
  MEDIA_DIR: process.env.E2E_MEDIA_DIR ?? 'data/e2e-media',
};

/**
 * Imports documents into the running e2e site (or the site whose database and media store `env` names) through
 * the staff import command, exactly as an editor would. Returns the command's output; throws (with that output)
 * if the command fails.
 */
export function importDocuments(documents: Array<{ name: string; content: unknown }>, env: typeof E2E_ENV = E2E_ENV): string {
  const output = runImport(documents, env);
  // The server applies recorded content changes to its cache every 250 ms (server.mjs): wait for that, so
  // the next request sees the change.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, CACHE_SYNC_WAIT_MS);
  return output;
}

/** Longer than the server's cache sync interval (250 ms) plus the time a sync takes. */
export const CACHE_SYNC_WAIT_MS = 1_500;

/** The import alone, without waiting for the server to apply it (for tests that time that). */
export function runImport(documents: Array<{ name: string; content: unknown }>, env: typeof E2E_ENV = E2E_ENV): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-import-'));
  try {
    for (const doc of documents) {
      fs.writeFileSync(path.join(dir, doc.name), JSON.stringify(doc.content));
      // The photos an article names travel with it, from the demo content.
      for (const block of (doc.content as { body?: Array<{ type: string; file?: string }> }).body ?? []) {
        if (block.type === 'image' && block.file) fs.copyFileSync(path.join('db/seed/media', block.file), path.join(dir, block.file));
      }
    }
    return execFileSync(path.join('node_modules', '.bin', 'tsx'), ['db/import/cli.ts', dir], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
