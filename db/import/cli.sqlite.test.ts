import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';

// The import command as an editor runs it: a folder in, one line per file out, and an exit code for scripts.

let dir: string;
const article = (id: number, body: unknown[]) => ({
  id,
  categoryId: 17,
  title: `Bài ${id}`,
  sapo: 'Sapo.',
  publishedAt: '2021-01-26T19:14:24+07:00',
  body,
});

function runCli(...targets: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'db/import/cli.ts', ...targets], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'cli.db')}`, MEDIA_DIR: path.join(dir, 'store') },
    encoding: 'utf8',
  });
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-cli-'));
  const folder = path.join(dir, 'batch');
  fs.mkdirSync(folder);
  const write = (name: string, value: unknown) => fs.writeFileSync(path.join(folder, name), JSON.stringify(value));
  write('categories.json', { categories: [{ id: 17, name: 'Chính trị' }] });
  write('good.json', article(70101, [{ type: 'paragraph', text: 'Đoạn văn.' }]));
  write(
    'links.json',
    article(70102, [
      { type: 'paragraph', text: 'Đoạn văn.' },
      { type: 'paragraph', spans: [{ text: 'a', href: 'javascript:alert(1)' }, { text: 'b', href: 'data:text/html,x' }] },
    ]),
  );
  fs.writeFileSync(path.join(folder, 'broken.json'), '{ "id": ');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a folder import reports each file, names the field and reason of each failure, and exits 1', () => {
  const result = runCli(path.join(dir, 'batch'));
  assert.equal(result.status, 1, result.stderr);
  const name = (file: string) => path.relative(process.cwd(), path.join(dir, 'batch', file));
  assert.match(result.stdout, new RegExp(`✓ ${name('categories.json')}: 1 categories`));
  assert.match(result.stdout, new RegExp(`✓ ${name('good.json')}: article 70101 created`));
  assert.match(result.stdout, /2 imported, 2 failed/);
  const errors = result.stderr.split('\n');
  for (const line of [
    `✗ ${name('links.json')}: nothing written`,
    `    ${name('links.json')}: body.1.spans.0.href: link must be an absolute http(s) URL, not "javascript:alert(1)"`,
    `    ${name('links.json')}: body.1.spans.1.href: link must be an absolute http(s) URL, not "data:text/html,x"`,
    `✗ ${name('broken.json')}: nothing written`,
  ]) {
    assert.ok(errors.includes(line), `stderr has ${JSON.stringify(line)}:\n${result.stderr}`);
  }
  assert.match(result.stderr, new RegExp(`${name('broken.json')}: \\(file\\): not valid JSON`));

  const db = new Database(path.join(dir, 'cli.db'), { readonly: true });
  try {
    assert.deepEqual(db.prepare('SELECT id FROM articles ORDER BY id').all(), [{ id: 70101 }]);
  } finally {
    db.close();
  }
});

test('a run in which every file imports exits 0', () => {
  const result = runCli(path.join(dir, 'batch', 'good.json'), path.join(dir, 'batch', 'categories.json'));
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /2 imported, 0 failed/);
});

test('a path that does not exist is reported and fails the run', () => {
  const result = runCli(path.join(dir, 'khong-co'));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /✗ .*khong-co: ENOENT/);
});
