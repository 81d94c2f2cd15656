// nginx for `npm run test:cluster`: the shipped deploy/nginx/portal.conf with the test's ports and paths put in
// place of its deployment values, inside a main configuration of the test's own (pid, temporary files, logs in
// a temporary directory), started in the foreground as a child of the test and always stopped.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { portAnswers } from './bench.mjs';

export const NGINX_BIN = '/usr/sbin/nginx';
export const PORTAL_CONF = path.resolve('deploy', 'nginx', 'portal.conf');

/**
 * deploy/nginx/portal.conf with the test's values in place of the deployment ones listed at its top. Each of
 * those strings must be there: a config edited without them would otherwise be tested with the wrong values.
 * @param {string} source the text of portal.conf
 * @param {{ listen: string, upstreams: [string, string], cacheDir: string, logDir: string }} values
 */
export function portalConfFor(source, { listen, upstreams, cacheDir, logDir }) {
  const replacements = [
    [/^(\s*)listen 80;/m, `$1listen ${listen};`, 'listen 80;'],
    [/^(\s*)server 127\.0\.0\.1:3001 /m, `$1server ${upstreams[0]} `, 'server 127.0.0.1:3001'],
    [/^(\s*)server 127\.0\.0\.1:3002 /m, `$1server ${upstreams[1]} `, 'server 127.0.0.1:3002'],
    [/^(proxy_cache_path )\/var\/cache\/nginx\/portal /m, `$1${cacheDir} `, 'proxy_cache_path /var/cache/nginx/portal'],
    [/\/var\/log\/nginx\/portal\./g, `${logDir}/portal.`, '/var/log/nginx/portal.'],
  ];
  let text = source;
  for (const [pattern, replacement, what] of replacements) {
    if (!pattern.test(text)) throw new Error(`${PORTAL_CONF} no longer has "${what}", which the cluster test replaces (see the list at its top)`);
    pattern.lastIndex = 0;
    text = text.replace(pattern, replacement);
  }
  return text;
}

/**
 * The main configuration: what Debian's /etc/nginx/nginx.conf gives conf.d files (mime types, sendfile), with
 * every path in `dir`, then the portal's server, then `extra` (more server blocks).
 * @param {{ dir: string, portalConf: string, extra?: string, workers?: number }} options
 */
export function mainConf({ dir, portalConf, extra = '', workers = 2 }) {
  // As root, workers run as www-data, as on a Debian install (the master creates the cache directory for them).
  const user = process.getuid?.() === 0 ? 'user www-data;\n' : '';
  return `# Written by scripts/test-cluster.mjs for one run.
${user}worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path ${dir}/temp/client_body;
    proxy_temp_path ${dir}/temp/proxy;
    fastcgi_temp_path ${dir}/temp/fastcgi;
    uwsgi_temp_path ${dir}/temp/uwsgi;
    scgi_temp_path ${dir}/temp/scgi;
    include ${portalConf};
${extra}}
`;
}

/** Child pids of a process, from /proc. */
function childPids(pid) {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Checks the configuration (`nginx -t`), starts nginx in the foreground and waits until `ports` answer. Its
 * master and workers are stopped when this process exits, however it exits (the workers are killed too, should
 * the master be gone).
 * @param {{ dir: string, conf: string, ports: number[] }} options
 */
export async function startNginx({ dir, conf, ports }) {
  for (const port of ports) if (await portAnswers(port)) throw new Error(`port ${port} is already in use`);
  for (const sub of ['logs', 'temp']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const args = ['-p', `${dir}/`, '-e', `${dir}/logs/error.log`, '-c', conf];
  const check = spawnSync(NGINX_BIN, [...args, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
  const out = fs.openSync(path.join(dir, 'logs', 'nginx.out'), 'a');
  const child = spawn(NGINX_BIN, [...args, '-g', 'daemon off;'], { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let workers = [];
  const kill = () => {
    if (alive(child.pid)) child.kill('SIGTERM'); // fast shutdown: the master stops its workers
    const deadline = Date.now() + 3000;
    while (alive(child.pid) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    for (const pid of [child.pid, ...workers]) if (alive(pid)) process.kill(pid, 'SIGKILL');
  };
  process.on('exit', kill);
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (see ${dir}/logs/error.log and nginx.out)`);
    if ((await Promise.all(ports.map(portAnswers))).every(Boolean)) {
      workers = childPids(child.pid);
      return {
        pid: child.pid,
        workers,
        stop: () => {
          kill();
          process.off('exit', kill);
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  kill();
  throw new Error(`nginx did not listen on ${ports.join(', ')} within 5 s`);
}
