// What starting the nginx image writes into its container layer and prints, as on a real host
// (nginx 1.25.2's docker-entrypoint.sh and its /docker-entrypoint.d scripts, nginxinc/docker-nginx
// at tag 1.25.2, mainline/debian; then nginx itself):
// - the entrypoint, when its first argument is exactly `nginx` or `nginx-debug`, runs each
//   executable *.sh in /docker-entrypoint.d and sources each executable *.envsh, logging every step
//   (unless NGINX_ENTRYPOINT_QUIET_LOGS is set);
// - 10-listen-on-ipv6-by-default.sh touches /etc/nginx/conf.d/default.conf and, when it is the
//   packaged file, `sed -i` adds `listen  [::]:80;` (a new file renamed over the old one);
// - 15-local-resolvers.envsh, 20-envsubst-on-templates.sh and 30-tune-worker-processes.sh change
//   nothing unless their variables or /etc/nginx/templates ask them to (not modelled here);
// - nginx creates its temp directories under /var/cache/nginx (0700, owner nginx), writes
//   /var/run/nginx.pid (/run/nginx.pid through debian's /var/run link), which it deletes when it
//   stops, logs its notices to stderr and forks one worker per CPU (worker_processes auto).
// So `docker diff` of a fresh nginx container is not empty, as on a real host.
//
// The workers' pids are the container's pid namespace's next ones: runc init's threads take 2-6,
// then every process the entrypoint forks takes one. The count below is dash's (Debian bookworm's
// 0.5.12, the image's /bin/sh): a command substitution of one command forks once, a pipeline once
// per command, a builtin or a sourced file not at all. Run on this very dash in a pid namespace,
// the 1.25.2 scripts leave 24 as the next pid after the five runc threads are added, 29: real
// `docker logs` of nginx:1.25.2 on two CPUs read `start worker process 29` and `30`.
import { MACHINE_CPUS, type Proc } from '../../kernel/index.js';
import { NGINX_DEFAULT_CONF } from '../registry/texts/nginx-conf.js';
import { FIRST_FREE_PID } from './types.js';

const ENTRYPOINT = '/docker-entrypoint.sh';
const SCRIPTS = '/docker-entrypoint.d';
const DEFAULT_CONF = '/etc/nginx/conf.d/default.conf';
const PID_FILE = '/var/run/nginx.pid';
/** ngx_create_paths' order: client_body_temp_path, proxy, fastcgi, uwsgi, scgi. */
const TEMP_DIRS = ['client_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp'];
const NGINX_UID = 101;
const NGINX_VERSION = '1.25.2';
/** NGX_COMPILER of nginx.org's bookworm build: `gcc -v`'s last line, trailing space and all. */
const BUILT_BY = 'gcc 12.2.0 (Debian 12.2.0-14) ';
/** What a container inherits from dockerd under systemd (LimitNOFILE=infinity: the kernel's nr_open). */
const NOFILE = '1048576:1048576';

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** Whether argv starts nginx (directly or through the entrypoint). */
export function startsNginx(argv: readonly string[]): boolean {
  const args = base(argv[0] ?? '') === base(ENTRYPOINT) ? argv.slice(1) : argv;
  return ['nginx', 'nginx-debug'].includes(base(args[0] ?? ''));
}

function isFile(p: Proc, path: string): boolean {
  try {
    return p.stat(path).type === 'file';
  } catch {
    return false;
  }
}

function isExecutable(p: Proc, path: string): boolean {
  try {
    return (p.stat(path).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** The entrypoint's run: the lines it logs and how many processes it forked. */
interface Run {
  log: string[];
  forks: number;
}

/** 10-listen-on-ipv6-by-default.sh, after doing what it does. Forks: $(basename), touch, grep,
 * $(dpkg-query | grep | cut), echo | md5sum, sed. */
function listenOnIpv6(p: Proc, now: number, run: Run): void {
  const me = '10-listen-on-ipv6-by-default.sh';
  run.forks += 1; // ME=$(basename "$0")
  if (!isFile(p, DEFAULT_CONF))
    return void run.log.push(`${me}: info: ${DEFAULT_CONF} is not a file or does not exist`);
  const st = p.stat(DEFAULT_CONF);
  run.forks += 1;
  p.utimes(DEFAULT_CONF, now, now); // touch: the copy-up happens here
  const text = new TextDecoder().decode(p.readFile(DEFAULT_CONF));
  run.forks += 1; // grep -q
  if (text.includes('listen  [::]:80;')) return void run.log.push(`${me}: info: IPv6 listen already enabled`);
  if (!isFile(p, '/etc/os-release')) return void run.log.push(`${me}: info: can not guess the operating system`);
  run.log.push(`${me}: info: Getting the checksum of ${DEFAULT_CONF}`);
  run.forks += 4 + 2;
  if (text !== NGINX_DEFAULT_CONF)
    return void run.log.push(`${me}: info: ${DEFAULT_CONF} differs from the packaged version`);
  // sed -i: a new file beside the old one, renamed over it.
  run.forks += 1;
  const tmp = `${DEFAULT_CONF.slice(0, DEFAULT_CONF.lastIndexOf('/'))}/sedNg1nx`;
  p.writeFile(tmp, text.replace(/listen {7}80;/, 'listen       80;\n    listen  [::]:80;'), { create: true }, st.mode);
  p.chmod(tmp, st.mode & 0o7777);
  p.rename(tmp, DEFAULT_CONF);
  run.log.push(`${me}: info: Enabled listen on IPv6 in ${DEFAULT_CONF}`);
}

/** Processes a launched script forks before it returns, beyond itself (with no variables set). */
const SCRIPT_FORKS: Record<string, number> = {
  '20-envsubst-on-templates.sh': 3, // $(basename), $(printf … $(awk …)): two
  '30-tune-worker-processes.sh': 1, // $(basename), then exit: NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE unset
};

/** The entrypoint's configuration pass (docker-entrypoint.sh with nginx or nginx-debug). */
function entrypoint(p: Proc, now: number): Run {
  const me = ENTRYPOINT;
  const run: Run = { log: [], forks: 2 }; // find … | read v
  let scripts: string[];
  try {
    scripts = p
      .readdir(SCRIPTS)
      .map((e) => `${SCRIPTS}/${e.name}`)
      .filter((f) => isFile(p, f))
      .sort();
  } catch {
    scripts = [];
  }
  if (scripts.length === 0) {
    run.log.push(`${me}: No files found in ${SCRIPTS}/, skipping configuration`);
    return run;
  }
  run.log.push(`${me}: ${SCRIPTS}/ is not empty, will attempt to perform configuration`);
  run.log.push(`${me}: Looking for shell scripts in ${SCRIPTS}/`);
  run.forks += 3; // find … | sort -V | while read -r f
  for (const f of scripts) {
    const kind = f.endsWith('.envsh') ? 'Sourcing' : f.endsWith('.sh') ? 'Launching' : undefined;
    if (!kind) run.log.push(`${me}: Ignoring ${f}`);
    else if (!isExecutable(p, f)) run.log.push(`${me}: Ignoring ${f}, not executable`);
    else {
      run.log.push(`${me}: ${kind} ${f}`);
      if (kind === 'Sourcing') continue; // `. "$f"` in the loop's own shell
      run.forks += 1 + (SCRIPT_FORKS[base(f)] ?? 0);
      if (base(f) === '10-listen-on-ipv6-by-default.sh') listenOnIpv6(p, now, run);
    }
  }
  run.log.push(`${me}: Configuration complete; ready for start up`);
  return run;
}

/** nginx's master at start-up: its temp directories and its pid file. */
function nginxItself(p: Proc): void {
  for (const d of TEMP_DIRS) {
    const path = `/var/cache/nginx/${d}`;
    if (p.exists(path)) continue;
    p.mkdir(path, 0o700);
    p.chown(path, NGINX_UID, -1);
  }
  p.writeFile(PID_FILE, '1\n', { create: true, truncate: true }, 0o644);
}

export interface NginxStart {
  /** What the entrypoint prints on stdout (none when it is not the one run, or told to be quiet). */
  stdout: string[];
  /** nginx's notices on stderr (error_log /var/log/nginx/error.log notice, a link to /dev/stderr). */
  stderr: string[];
  /** The workers' pids in the container's namespace. */
  workerPids: number[];
}

/** nginx's own time stamp: the container's local time (UTC), "2023/08/16 09:50:55". */
function logTime(now: number): string {
  return new Date(now).toISOString().replace('T', ' ').slice(0, 19).replace(/-/g, '/');
}

/**
 * Starts nginx in a container whose root `p` sees, as PID 1 after the entrypoint: writes what
 * entrypoint and nginx write, and says what they print.
 */
export function startNginx(
  p: Proc,
  argv: readonly string[],
  opts: { now: number; env: readonly string[]; kernelRelease: string },
): NginxStart {
  const viaEntrypoint = base(argv[0] ?? '') === base(ENTRYPOINT);
  // The entrypoint configures only for these exact first arguments ("$1" = "nginx").
  const configure = viaEntrypoint && ['nginx', 'nginx-debug'].includes(argv[1] ?? '');
  const run = configure ? entrypoint(p, opts.now) : { log: [], forks: 0 };
  const quiet = opts.env.some((e) => /^NGINX_ENTRYPOINT_QUIET_LOGS=./.test(e));
  try {
    nginxItself(p);
  } catch {
    // A container whose image lost /var/cache/nginx or /run: nginx would fail; the tutor keeps it up.
  }
  const first = FIRST_FREE_PID + run.forks;
  const workerPids = Array.from({ length: MACHINE_CPUS }, (_, i) => first + i);
  const t = logTime(opts.now);
  const notice = (text: string) => `${t} [notice] 1#1: ${text}`;
  return {
    stdout: quiet ? [] : run.log,
    stderr: [
      notice('using the "epoll" event method'),
      notice(`nginx/${NGINX_VERSION}`),
      notice(`built by ${BUILT_BY}`),
      notice(`OS: Linux ${opts.kernelRelease}`),
      notice(`getrlimit(RLIMIT_NOFILE): ${NOFILE}`),
      notice('start worker processes'),
      ...workerPids.map((pid) => notice(`start worker process ${pid}`)),
    ],
    workerPids,
  };
}

/** nginx stopping gracefully (TERM, INT, QUIT) removes its pid file. */
export function stopNginx(p: Proc): void {
  try {
    p.unlink(PID_FILE);
  } catch {
    // already gone
  }
}
