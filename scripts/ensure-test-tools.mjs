// The e2e suite needs Debian's Chromium (browser downloads are neither possible nor wanted here), Java (for the
// W3C HTML checker, vnu-jar) and xmllint (libxml2's XML Schema validator, for the sitemaps). Installs what is
// missing with apt when running as root.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const runs = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const missing = [];
if (!fs.existsSync('/usr/bin/chromium')) missing.push('chromium');
if (!runs('java', ['-version'])) missing.push('default-jre-headless');
if (!runs('xmllint', ['--version'])) missing.push('libxml2-utils');

if (missing.length) {
  if (process.getuid?.() === 0) {
    console.log(`Installing Debian packages for the e2e suite: ${missing.join(', ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
      const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (result.status !== 0) process.exit(result.status ?? 1);
    }
  } else {
    console.error(`Missing for the e2e suite: ${missing.join(', ')}. Install first: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
}
