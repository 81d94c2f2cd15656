import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import fixture from './fixtures/seed-article.json';
import { fetchHtml } from './helpers/html';

// The W3C Nu HTML Checker (vnu-jar from npm, run with the machine's Java) on each page type, as served.
const PAGES = { home: '/', category: '/news/17', keyword: '/tu-khoa/hoi-nghi-tong-ket', author: '/tac-gia/cao-bien', article: fixture.article.url };
const VNU = path.join('node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

type VnuMessage = { type: string; subType?: string; message: string; url: string; lastLine?: number; extract?: string };

test('home, a category, a keyword page, an author page and the seed article are valid HTML', async ({ request }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-vnu-'));
  try {
    const files = await Promise.all(
      Object.entries(PAGES).map(async ([name, url]) => {
        const file = path.join(dir, `${name}.html`);
        fs.writeFileSync(file, await fetchHtml(request, url));
        return file;
      }),
    );
    let output: string;
    try {
      output = execFileSync('java', ['-jar', VNU, '--format', 'json', '--stdout', ...files], { encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout?: string }).stdout ?? ''; // vnu exits 1 when it reports errors
    }
    const messages = (JSON.parse(output) as { messages: VnuMessage[] }).messages;
    const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
    expect(errors.map((m) => `${path.basename(m.url)}:${m.lastLine}: ${m.message} ${m.extract ?? ''}`)).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
