// The learner's bash on the user's own machine (`--real=system`): a mount namespace of its own
// (a slave copy of the machine's, so the daemon's new container mounts show up in it) where
//  - /tmp, /root and /etc/docker are fresh tmpfs: a lesson's files and its daemon.json stay there;
//  - every docker on the machine's bin dirs is the tutor's stand-in (src/real/system-guard.ts),
//    and the real CLI is reachable only by the stand-in, under the session's own dir;
//  - the daemon's data-root is read-only, at /var/lib/docker and where the daemon keeps it, with
//    the merged dirs of the containers running when the session starts: a line can read layers
//    and upper dirs as the lessons do, but cannot write into them;
//  - systemctl is a stand-in that says it is not run (your docker.service is never restarted).
// Paths the session needs that lie under /tmp or /root (the daemon's socket or data-root, this
// session's dir, Node) are bound aside before the tmpfs hide them and bound back after.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { shellQuote } from '../posix/shell-quote.js';
import type { BashLaunch } from './real-shell.js';

export interface SystemShellOptions {
  /** The session's own dir: the stand-in's bin/, the guard's socket. */
  runtime: string;
  /** The real docker CLI (it is hidden from the learner's lines). */
  realCli: string;
  /** DOCKER_HOST for the learner's docker. */
  dockerHost: string;
  /** A private DOCKER_CONFIG (logins, contexts stay in the session). */
  dockerConfig: string;
  /** The daemon's data-root, when it is on this machine. */
  dataRoot?: string;
}

const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const SYSTEMCTL = `#!/bin/sh
echo "systemctl: not run: the tutor never restarts your docker.service (--real=system)" >&2
exit 1
`;

const under = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`);

/** The outermost of `paths` that lie under /tmp or /root (each bound aside and back). */
export function pathsToKeep(paths: readonly string[]): string[] {
  const hidden = paths.filter((p) => under(p, '/tmp') || under(p, '/root'));
  return [...new Set(hidden)].filter((p) => !hidden.some((q) => q !== p && under(p, q))).sort();
}

/** The setup lines, and the paths the stand-in covers. */
export function systemNamespaceSetup(o: SystemShellOptions): string[] {
  const dockers = SYSTEM_PATH.split(':')
    .map((d) => join(d, 'docker'))
    .filter((p) => existsSync(p));
  const socket = o.dockerHost.startsWith('unix://') ? o.dockerHost.slice('unix://'.length) : undefined;
  const keep = pathsToKeep(
    [o.runtime, o.dockerConfig, dirname(dirname(process.execPath)), o.dataRoot, socket && dirname(socket)].filter(
      (p): p is string => p !== undefined,
    ),
  );
  const aside = `/run/overlay-tutor-keep-${process.pid}`;
  const q = shellQuote;
  const lines = ['mkdir -p /etc/docker', 'mount -t tmpfs tmpfs /etc/docker'];
  if (keep.length) lines.push(`mkdir -p ${aside}`, `mount -t tmpfs tmpfs ${aside}`);
  keep.forEach((p, i) => lines.push(`mkdir -p ${aside}/${i}`, `mount --rbind ${q(p)} ${aside}/${i}`));
  lines.push('mount -t tmpfs tmpfs /tmp', 'mount -t tmpfs tmpfs /root');
  keep.forEach((p, i) => lines.push(`mkdir -p ${q(p)}`, `mount --rbind ${aside}/${i} ${q(p)}`));
  if (keep.length) lines.push(`umount -l ${aside}`, `rmdir ${aside}`);
  // The real CLI, for the stand-in only; the stand-in over every docker there is.
  const real = join(o.runtime, 'docker-real');
  lines.push(`mount --bind ${q(o.realCli)} ${q(real)}`);
  for (const p of dockers) lines.push(`mount --bind ${q(join(o.runtime, 'bin', 'docker'))} ${q(p)}`);
  if (o.dataRoot) {
    for (const at of [...new Set(['/var/lib/docker', o.dataRoot])]) {
      lines.push(
        `mkdir -p ${q(at)}`,
        `mount --rbind ${q(o.dataRoot)} ${q(at)}`,
        // The mounts below it too: the merged dirs of the containers running now (yours).
        `findmnt -rn -o TARGET -R ${q(at)} | while read -r m; do mount -o remount,bind,ro "$m"; done`,
      );
    }
  }
  lines.push(
    'cd /root',
    `export DOCKER_HOST=${q(o.dockerHost)} DOCKER_CONFIG=${q(o.dockerConfig)}`,
    `export PATH=${q(`${join(o.runtime, 'bin')}:${SYSTEM_PATH}`)}`,
  );
  return lines;
}

/** Writes the session's bin (systemctl's stand-in; the guard writes docker's) and the launch. */
export function systemLaunch(o: SystemShellOptions): BashLaunch {
  mkdirSync(join(o.runtime, 'bin'), { recursive: true, mode: 0o700 });
  mkdirSync(o.dockerConfig, { recursive: true, mode: 0o700 });
  writeFileSync(join(o.dockerConfig, 'config.json'), '{}\n');
  writeFileSync(join(o.runtime, 'bin', 'systemctl'), SYSTEMCTL, { mode: 0o755 });
  writeFileSync(join(o.runtime, 'docker-real'), '');
  return {
    command: 'unshare',
    args: ['-m', '--propagation', 'slave', 'bash', '--norc'],
    setup: systemNamespaceSetup(o),
  };
}

/** A line run first: it must print 'ro' (the data-root is read-only) and the stand-in's path. */
export const SETUP_CHECK =
  'touch /var/lib/docker/.overlay-tutor-probe 2>/dev/null && rm -f /var/lib/docker/.overlay-tutor-probe && echo rw ' +
  '|| echo ro; command -v docker';
