// Debian packages a script needs (nginx, wrk, PostgreSQL for `npm run test:cluster`): installed with apt when
// absent, as root only, without leaving running the services their packages would start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const POLICY_RC_D = '/usr/sbin/policy-rc.d';

/**
 * Installs the packages of `wanted` whose `path` does not exist. Returns the packages installed (none when all
 * were there). As another user than root, throws with the command to run.
 * @param {Array<{ pkg: string, path: string }>} wanted
 * @param {string} why what they are for, for the messages
 */
export function ensureDebianPackages(wanted, why) {
  const missing = [...new Set(wanted.filter((w) => !fs.existsSync(w.path)).map((w) => w.pkg))];
  if (!missing.length) return [];
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) throw new Error(`${why} needs ${missing.join(', ')} (Debian packages). Install first, as root: ${command}`);
  console.log(`Installing Debian packages for ${why}: ${missing.join(', ')}`);
  // Package scripts start their service (nginx on port 80, a PostgreSQL cluster on 5432) unless policy-rc.d
  // forbids it. Without one of the machine's own, one that forbids every start is put in place meanwhile.
  const ownPolicy = !fs.existsSync(POLICY_RC_D);
  if (ownPolicy) fs.writeFileSync(POLICY_RC_D, '#!/bin/sh\n# Written by scripts/lib/debian.mjs for one apt-get install: no service starts.\nexit 101\n', { mode: 0o755 });
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
      const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit code ${result.status})`);
    }
  } finally {
    if (ownPolicy) fs.rmSync(POLICY_RC_D, { force: true });
  }
  stopPackagedServices(missing);
  return missing;
}

/** Stops what a package just installed may have started anyway (a machine whose policy-rc.d allows it). */
function stopPackagedServices(installed) {
  if (installed.includes('nginx') && fs.existsSync('/run/nginx.pid')) {
    console.log('Stopping the nginx service the package started (port 80): nginx -s quit');
    spawnSync('/usr/sbin/nginx', ['-s', 'quit'], { stdio: 'inherit' });
  }
  if (installed.some((pkg) => pkg.startsWith('postgresql'))) {
    const clusters = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).stdout ?? '';
    for (const line of clusters.split('\n')) {
      const [version, name, , status] = line.trim().split(/\s+/);
      if (status === 'online') {
        console.log(`Stopping the PostgreSQL cluster the package started: pg_ctlcluster ${version} ${name} stop`);
        spawnSync('pg_ctlcluster', [version, name, 'stop'], { stdio: 'inherit' });
      }
    }
  }
}
