// What starting the nginx image writes into its container layer, as on a real host (nginx 1.25.2's
// docker-entrypoint.sh and its /docker-entrypoint.d scripts, from nginxinc/docker-nginx's
// mainline/debian at tag 1.25.2, then nginx itself):
// - the entrypoint, for `nginx` or `nginx-debug`, runs each executable *.sh in
//   /docker-entrypoint.d and sources each *.envsh, logging every step;
// - 10-listen-on-ipv6-by-default.sh touches /etc/nginx/conf.d/default.conf and, when it is the
//   packaged file, `sed -i` adds `listen  [::]:80;` (a new file renamed over the old one);
// - 15-local-resolvers.envsh, 20-envsubst-on-templates.sh and 30-tune-worker-processes.sh change
//   nothing unless their variables or /etc/nginx/templates ask them to;
// - nginx creates its temp directories under /var/cache/nginx (0700, owner nginx) and writes
//   /var/run/nginx.pid (/run/nginx.pid through debian's /var/run link), which it deletes when it
//   stops. So `docker diff` of a fresh nginx container is not empty, as on a real host.
import type { Proc } from '../../kernel/index.js';
import { NGINX_DEFAULT_CONF } from '../registry/small-images.js';

const ENTRYPOINT = '/docker-entrypoint.sh';
const SCRIPTS = '/docker-entrypoint.d';
const DEFAULT_CONF = '/etc/nginx/conf.d/default.conf';
const PID_FILE = '/var/run/nginx.pid';
/** ngx_create_paths' order: client_body_temp_path, proxy, fastcgi, uwsgi, scgi. */
const TEMP_DIRS = ['client_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp'];
const NGINX_UID = 101;

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

/** 10-listen-on-ipv6-by-default.sh: its log lines, after doing what it does. */
function listenOnIpv6(p: Proc, now: number): string[] {
  const me = '10-listen-on-ipv6-by-default.sh';
  if (!isFile(p, DEFAULT_CONF)) return [`${me}: info: ${DEFAULT_CONF} is not a file or does not exist`];
  const st = p.stat(DEFAULT_CONF);
  p.utimes(DEFAULT_CONF, now, now); // touch: the copy-up happens here
  const text = new TextDecoder().decode(p.readFile(DEFAULT_CONF));
  if (text.includes('listen  [::]:80;')) return [`${me}: info: IPv6 listen already enabled`];
  if (!isFile(p, '/etc/os-release')) return [`${me}: info: can not guess the operating system`];
  const out = [`${me}: info: Getting the checksum of ${DEFAULT_CONF}`];
  if (text !== NGINX_DEFAULT_CONF) return [...out, `${me}: info: ${DEFAULT_CONF} differs from the packaged version`];
  // sed -i: a new file beside the old one, renamed over it.
  const tmp = `${DEFAULT_CONF.slice(0, DEFAULT_CONF.lastIndexOf('/'))}/sedNg1nx`;
  p.writeFile(tmp, text.replace(/listen {7}80;/, 'listen       80;\n    listen  [::]:80;'), { create: true }, st.mode);
  p.chmod(tmp, st.mode & 0o7777);
  p.rename(tmp, DEFAULT_CONF);
  return [...out, `${me}: info: Enabled listen on IPv6 in ${DEFAULT_CONF}`];
}

/** The entrypoint's configuration pass: its stdout lines. */
function entrypoint(p: Proc, now: number): string[] {
  const me = ENTRYPOINT;
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
  if (scripts.length === 0) return [`${me}: No files found in ${SCRIPTS}/, skipping configuration`];
  const out = [
    `${me}: ${SCRIPTS}/ is not empty, will attempt to perform configuration`,
    `${me}: Looking for shell scripts in ${SCRIPTS}/`,
  ];
  for (const f of scripts) {
    const kind = f.endsWith('.envsh') ? 'Sourcing' : f.endsWith('.sh') ? 'Launching' : undefined;
    if (!kind) out.push(`${me}: Ignoring ${f}`);
    else if (!isExecutable(p, f)) out.push(`${me}: Ignoring ${f}, not executable`);
    else {
      out.push(`${me}: ${kind} ${f}`);
      if (base(f) === '10-listen-on-ipv6-by-default.sh') out.push(...listenOnIpv6(p, now));
    }
  }
  out.push(`${me}: Configuration complete; ready for start up`);
  return out;
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

/**
 * Starts nginx in a container whose root `p` sees: what the entrypoint prints on stdout (empty
 * when the entrypoint is not the one run), after writing what entrypoint and nginx write.
 */
export function startNginx(p: Proc, argv: readonly string[], now: number): string[] {
  const viaEntrypoint = base(argv[0] ?? '') === base(ENTRYPOINT);
  const lines = viaEntrypoint ? entrypoint(p, now) : [];
  try {
    nginxItself(p);
  } catch {
    // A container whose image lost /var/cache/nginx or /run: nginx would fail; the tutor keeps it up.
  }
  return lines;
}

/** nginx stopping gracefully (TERM, INT, QUIT) removes its pid file. */
export function stopNginx(p: Proc): void {
  try {
    p.unlink(PID_FILE);
  } catch {
    // already gone
  }
}
