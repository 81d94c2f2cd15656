// Writes lib/common-passwords.json: the 1,000 most common passwords, which the newsroom refuses
// (lib/staff-password.ts). The source is the frequency-ordered password list the npm package
// @zxcvbn-ts/language-common ships (src/passwords.json, MIT; built by zxcvbn-ts from public breach
// corpora, most common first). The package is not a dependency: unpack it once and pass its folder:
//
//   npm pack @zxcvbn-ts/language-common@4.1.3 && tar xzf zxcvbn-ts-language-common-4.1.3.tgz
//   node scripts/build-common-passwords.mjs package
//
// docs/decisions/0024-newsroom-accounts.md.
import fs from 'node:fs';
import path from 'node:path';

const [folder] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node scripts/build-common-passwords.mjs <unpacked @zxcvbn-ts/language-common folder>');
  process.exit(2);
}
const source = JSON.parse(fs.readFileSync(path.join(folder, 'src', 'passwords.json'), 'utf8'));
const seen = new Set();
for (const password of source) {
  seen.add(String(password).toLowerCase());
  if (seen.size === 1000) break;
}
const out = path.join(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..', 'lib', 'common-passwords.json');
fs.writeFileSync(out, `${JSON.stringify([...seen], null, 0).replaceAll('","', '",\n"')}\n`);
console.log(`wrote ${seen.size} passwords to ${path.relative(process.cwd(), out)}`);
