// A throwaway PostgreSQL 15 server for `npm run test:cluster -- --db postgres`: Debian's binaries (installed with
// apt when absent), a cluster made with initdb in a temporary directory, listening on one loopback port only,
// one role and one database for the site, and always stopped when the test ends.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const PG_BIN = '/usr/lib/postgresql/15/bin';
export const PG_PACKAGE = 'postgresql';

const ROLE = 'portal';
const DATABASE = 'portal';

/**
 * initdb refuses to run as root: as root, the cluster belongs to the `postgres` user the Debian package
 * creates, and every server command runs as that user.
 */
function asServerUser() {
  if (process.getuid?.() !== 0) return null;
  const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as (apt-get install postgresql creates it)');
  return { uid, gid };
}

function run(command, args, { user, what, quiet = false }) {
  const [file, argv] = user ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  if (result.status !== 0) {
    throw new Error(`${what} failed (exit code ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  if (!quiet && result.stdout.trim()) console.log(result.stdout.trim());
  return result.stdout;
}

/**
 * Creates and starts a cluster in `dir` (made accessible to the server user) on 127.0.0.1:`port`, with a login
 * role and a database owned by it. Returns its URL (DATABASE_URL for the site) and a stop function; the server is
 * also stopped when this process exits, however it exits.
 * @param {{ dir: string, port: number }} options
 */
export function startPostgres({ dir, port }) {
  const bin = (name) => path.join(PG_BIN, name);
  for (const tool of ['initdb', 'pg_ctl', 'psql']) {
    if (!fs.existsSync(bin(tool))) throw new Error(`${bin(tool)} is missing (Debian package ${PG_PACKAGE})`);
  }
  const user = asServerUser();
  const data = path.join(dir, 'data');
  const sockets = path.join(dir, 'sockets');
  const log = path.join(dir, 'server.log');
  fs.mkdirSync(sockets, { recursive: true });
  fs.writeFileSync(log, '');
  if (user) {
    // The server user must reach its directory through the temporary one (mkdtemp makes it 0700).
    for (let parent = dir; parent !== path.dirname(parent); parent = path.dirname(parent)) {
      const mode = fs.statSync(parent).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(parent, mode | 0o711);
      if (parent === path.dirname(dir)) break;
    }
    for (const owned of [dir, sockets, log]) fs.chownSync(owned, user.uid, user.gid);
  }
  run(bin('initdb'), ['--pgdata', data, '--username', 'postgres', '--auth', 'trust', '--encoding', 'UTF8', '--locale', 'C.UTF-8', '--no-sync'], {
    user,
    what: 'initdb',
    quiet: true,
  });
  const options = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${sockets}`,
    // Room for two app processes' pools and the import and seed commands.
    `-c max_connections=100`,
  ].join(' ');
  let running = false;
  const stop = (mode = 'fast') => {
    if (!running) return;
    running = false;
    try {
      run(bin('pg_ctl'), ['--pgdata', data, '--mode', mode, '--wait', 'stop'], { user, what: 'pg_ctl stop', quiet: true });
    } catch (error) {
      console.error(error.message);
    }
  };
  const stopOnExit = () => stop('immediate');
  process.on('exit', stopOnExit);
  run(bin('pg_ctl'), ['--pgdata', data, '--log', log, '--options', options, '--wait', '--timeout', '60', 'start'], { user, what: `pg_ctl start (log: ${log})`, quiet: true });
  running = true;
  const psql = (sql) => run(bin('psql'), ['--host', '127.0.0.1', '--port', String(port), '--username', 'postgres', '--dbname', 'postgres', '--no-psqlrc', '--quiet', '--tuples-only', '--no-align', '--set', 'ON_ERROR_STOP=1', '--command', sql], { user: null, what: `psql: ${sql}`, quiet: true });
  psql(`CREATE ROLE ${ROLE} LOGIN`);
  psql(`CREATE DATABASE ${DATABASE} OWNER ${ROLE} ENCODING 'UTF8' TEMPLATE template0`);
  const version = psql('SHOW server_version').trim();
  return {
    url: `postgres://${ROLE}@127.0.0.1:${port}/${DATABASE}`,
    version: version || '15',
    log,
    stop: () => {
      stop('fast');
      process.off('exit', stopOnExit);
    },
  };
}
