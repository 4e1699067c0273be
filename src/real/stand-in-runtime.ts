// The tutorial images' programs are stand-ins (an ELF magic and the program's name: the simulator
// runs them, a real kernel cannot exec them). On the tutor's private daemon a container still runs
// for real: dockerd finds `runc` on its PATH, where the tutor puts a wrapper that, when runc
// creates a container, binds a real static busybox over each stand-in in the image's bin dirs (an
// applet under its own name; a server such as nginx becomes a shell that waits for its stop
// signal; anything else says it is a stand-in) and then execs the real runc. The binds exist only
// in the container's mount namespace: the image's layers, the container's upper dir, `docker diff`,
// commit, export and save are untouched, and a real image's programs are never replaced.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shellQuote } from '../posix/shell-quote.js';
import { findExecutable } from './probe.js';

/** Programs that run until stopped: their stand-in waits for the stop signal as they would. */
export const SERVER_PROGRAMS = ['nginx', 'httpd', 'redis-server', 'mysqld', 'postgres'];

const BIN_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];

/** A static busybox ($OVERLAY_TUTOR_BUSYBOX or /bin/busybox; a dynamic one would find no libc in
 * an image), or undefined. */
export function staticBusybox(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = env.OVERLAY_TUTOR_BUSYBOX ?? findExecutable('busybox');
  if (!path) return undefined;
  try {
    const head = readFileSync(path).subarray(0, 4096);
    if (head.subarray(0, 4).toString('latin1') !== '\x7fELF' || head.includes(Buffer.from('ld-linux')))
      return undefined;
  } catch {
    return undefined;
  }
  return path;
}

/** Whether these bytes begin a stand-in: ELF's magic, then the program's name where a real ELF
 * has its zero padding (src/docker/registry/rootfs.ts, fakeBinary). */
export function isStandIn(head: Uint8Array): boolean {
  return (
    head.length >= 10 &&
    head[0] === 0x7f &&
    head[1] === 0x45 &&
    head[2] === 0x4c &&
    head[3] === 0x46 &&
    head[8] === 0 &&
    head[9] !== 0
  );
}

/**
 * A server of the tutorial image, running until it is stopped. As nginx it first writes into the
 * container layer what nginx 1.25.2's entrypoint and start write on a real host (the simulator's
 * src/docker/engine/nginx-start.ts): default.conf touched and, when it has no IPv6 listen line yet,
 * edited by `sed -i` (a new file renamed over it); the temp dirs under /var/cache/nginx (0700,
 * nginx's uid 101); /var/run/nginx.pid, removed again on a graceful stop. So `docker diff` of a
 * fresh nginx container on the real host shows what the simulator predicts.
 */
const SERVER_STAND_IN = `#!/bin/sh
# overlay-tutor: a server of the tutorial image, running until it is stopped
stop() { exit 0; }
case "\${0##*/}" in
nginx | nginx-debug)
  conf=/etc/nginx/conf.d/default.conf
  if [ -f "$conf" ]; then
    touch "$conf"
    grep -q 'listen  \\[::\\]:80;' "$conf" ||
      sed -i 's/^\\( *\\)listen       80;/&\\n\\1listen  [::]:80;/' "$conf"
  fi
  for d in client_temp proxy_temp fastcgi_temp uwsgi_temp scgi_temp; do
    [ -d "/var/cache/nginx/$d" ] || { mkdir "/var/cache/nginx/$d" && chmod 700 "/var/cache/nginx/$d" &&
      chown 101 "/var/cache/nginx/$d"; } 2>/dev/null
  done
  echo 1 > /var/run/nginx.pid
  stop() { rm -f /var/run/nginx.pid; exit 0; }
  ;;
esac
trap stop TERM INT QUIT
while :; do sleep 3600 & wait $!; done
`;

/** The helper run before `runc create`: it adds the binds to the bundle's config.json. */
function helperSource(busybox: string, applets: string[], server: string, other: string): string {
  return `'use strict';
// Written by overlay-tutor (src/real/stand-in-runtime.ts): binds busybox over the stand-ins.
const fs = require('fs');
const path = require('path');
const BUSYBOX = ${JSON.stringify(busybox)};
const APPLETS = new Set(${JSON.stringify(applets)});
const SERVERS = new Set(${JSON.stringify(SERVER_PROGRAMS)});
const DIRS = ${JSON.stringify(BIN_DIRS)};
const args = process.argv.slice(2);
let bundle = process.cwd();
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--bundle' || args[i] === '-b') bundle = args[i + 1];
  else if (args[i].startsWith('--bundle=')) bundle = args[i].slice(9);
}
const configFile = path.join(bundle, 'config.json');
const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
const rootfs = path.resolve(bundle, config.root.path);
const head = (p) => {
  const fd = fs.openSync(p, 'r');
  try {
    const b = Buffer.alloc(10);
    fs.readSync(fd, b, 0, 10, 0);
    return b;
  } finally {
    fs.closeSync(fd);
  }
};
const standIn = (b) => b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46 && b[8] === 0 && b[9] !== 0;
const mounts = [];
const seen = new Set();
const consider = (inside) => {
  if (seen.has(inside)) return;
  seen.add(inside);
  let st;
  try {
    st = fs.lstatSync(path.join(rootfs, inside));
  } catch {
    return;
  }
  if (!st.isFile() || st.size < 10 || !standIn(head(path.join(rootfs, inside)))) return;
  const name = path.basename(inside);
  const source = APPLETS.has(name) ? BUSYBOX : SERVERS.has(name) ? ${JSON.stringify(server)} : ${JSON.stringify(other)};
  mounts.push({ destination: inside, type: 'bind', source, options: ['rbind', 'ro'] });
};
for (const dir of DIRS) {
  let st;
  try {
    st = fs.lstatSync(path.join(rootfs, dir));
  } catch {
    continue;
  }
  if (!st.isDirectory()) continue;
  for (const name of fs.readdirSync(path.join(rootfs, dir))) consider(dir + '/' + name);
}
const argv0 = (config.process && config.process.args && config.process.args[0]) || '';
if (argv0.startsWith('/')) consider(argv0);
if (mounts.length > 0) {
  config.mounts = (config.mounts || []).concat(mounts);
  fs.writeFileSync(configFile, JSON.stringify(config));
}
`;
}

/** Writes the wrapper and its helper under `dir`; returns the dir to put first on dockerd's PATH,
 * or undefined when there is no static busybox or no runc here. */
export function installStandInRuntime(dir: string): string | undefined {
  const busybox = staticBusybox();
  const runc = findExecutable('runc');
  if (!busybox || !runc) return undefined;
  const list = spawnSync(busybox, ['--list'], { encoding: 'utf8' });
  const applets = (list.stdout ?? '').split('\n').filter(Boolean);
  if (applets.length === 0) return undefined;
  const bin = join(dir, 'runtime');
  mkdirSync(bin, { recursive: true });
  const server = join(bin, 'server-stand-in');
  const other = join(bin, 'program-stand-in');
  writeFileSync(server, SERVER_STAND_IN, { mode: 0o755 });
  writeFileSync(
    other,
    '#!/bin/sh\necho "${0##*/}: a stand-in of the tutorial image; the real program is not in it" >&2\nexit 126\n',
    { mode: 0o755 },
  );
  const helper = join(bin, 'stand-ins.cjs');
  writeFileSync(helper, helperSource(busybox, applets, server, other));
  writeFileSync(
    join(bin, 'runc'),
    `#!/bin/sh\n# overlay-tutor: binds busybox over the tutorial images' stand-ins, then runs runc\nfor a do\n` +
      `  case "$a" in create|run) ${shellQuote(process.execPath)} ${shellQuote(helper)} "$@" ` +
      `2>>${shellQuote(join(bin, 'stand-ins.log'))}; break;; esac\ndone\nexec ${shellQuote(runc)} "$@"\n`,
    { mode: 0o755 },
  );
  return bin;
}
