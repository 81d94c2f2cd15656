import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The e2e server's database (see playwright.config.ts). */
export const E2E_DATABASE_URL = 'file:data/e2e.db';

/**
 * Imports documents into the running e2e site through the staff import command, exactly as an editor
 * would. Returns the command's output; throws (with that output) if the command fails.
 */
export function importDocuments(documents: Array<{ name: string; content: unknown }>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-import-'));
  try {
    for (const doc of documents) fs.writeFileSync(path.join(dir, doc.name), JSON.stringify(doc.content));
    return execFileSync(path.join('node_modules', '.bin', 'tsx'), ['db/import/cli.ts', dir], {
      env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
      encoding: 'utf8',
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
