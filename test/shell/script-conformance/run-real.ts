// Runs a tutorial script with bash against a real, private Docker daemon, line by line in one
// shell session, printing `$ <line>` and then what the line wrote (stdout and stderr together).
// The daemon's data-root is bind-mounted at /var/lib/docker in a private mount namespace, so
// scripts name the same paths as on the simulated host, and the host's own /var/lib/docker is
// never touched.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findExecutable, type RealDocker } from '../../support/real-docker.js';

/**
 * A dockerd wrapper that runs the daemon in a mount namespace of its own with shared
 * propagation, so a script's shell can follow its mounts from a slave namespace. Pass the path
 * as startRealDocker({dockerd}).
 */
export function scriptDockerd(dir: string): { dockerd: string; cli?: string } {
  const dockerd = findExecutable('dockerd') as string;
  const wrapper = join(dir, 'dockerd-own-mountns');
  writeFileSync(wrapper, `#!/bin/sh\nexec unshare -m --propagation shared ${dockerd} "$@"\n`, { mode: 0o755 });
  // The CLI from dockerd's own package (error texts differ between CLI versions), not whatever
  // `docker` comes first on PATH.
  const cli = join(dirname(dirname(dockerd)), 'bin', 'docker');
  return { dockerd: wrapper, ...(existsSync(cli) ? { cli } : {}) };
}

export function scriptLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** A script about the kernel alone (no Docker): its first line is `# kernel only`. */
export const isKernelOnly = (script: string): boolean => /^# kernel only\b/.test(script);

/** The body that runs each line of a script, printing `$ <line>` and what the line wrote. */
function lineByLine(script: string): string[] {
  const body = ['__status=0'];
  for (const line of scriptLines(script)) {
    // Echoing the line must not disturb $?, which the next line may read.
    body.push(`printf '%s\\n' ${quote(`$ ${line}`)}`);
    body.push('( exit $__status )');
    body.push(`{ ${line}\n} 2>&1`);
    body.push('__status=$?');
  }
  return body;
}

/**
 * Runs a kernel-only script with plain bash as root in a mount namespace of its own, where /tmp
 * is a fresh empty directory (on the same filesystem as the machine's temp dir, as the
 * simulator's /tmp is on its root disk): its overlay mounts are made there and vanish with the
 * namespace, and nothing of the machine's /tmp is seen or touched.
 */
export function runScriptOnKernel(script: string): string {
  const work = mkdtempSync(join(tmpdir(), 'ot-kernel-script-'));
  try {
    const root = join(work, 'tmp');
    mkdirSync(root);
    // The machine's overlay mounts (other daemons' containers) and whatever is mounted under /tmp
    // are dropped in the namespace, as a fresh host has none, so `findmnt -t overlay` lists the
    // script's own (kernel-lab.ts does the same for a lesson's lab).
    const drop =
      `awk '$3 == "overlay" || $2 ~ "^/tmp/" { print $2 }' /proc/self/mounts | sort -r | ` +
      'while read -r m; do umount -l "$m" 2>/dev/null; done';
    const body = [
      'set +e',
      drop,
      `mount --bind ${quote(root)} /tmp`,
      'cd /root 2>/dev/null || cd /',
      ...lineByLine(script),
    ];
    const file = join(work, 'run.sh');
    writeFileSync(file, `${body.join('\n')}\n`);
    const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'bash', file], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { HOME: '/root', LANG: 'C.UTF-8', TERM: 'dumb', PATH: '/usr/sbin:/usr/bin:/sbin:/bin' },
    });
    return r.stdout + (r.stderr ? `\n[stderr of the harness]\n${r.stderr}` : '');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `systemctl restart docker` on the real side, as a shell function: the private dockerd is stopped
 * (SIGTERM, as systemd stops docker.service: it stops its containers first) and started again with
 * the same flags, in its network namespace (held open by a descriptor) and in the script's own mount
 * namespace, so the script sees the new daemon's mounts as it saw the old one's. The simulator
 * models a systemd host; this is the closest a private daemon comes to one. Anything else is refused.
 */
function systemctlFunction(d: RealDocker): string[] {
  const pidfile = quote(join(d.tmpDir, 'docker.pid'));
  const log = quote(join(d.tmpDir, 'dockerd.log'));
  return [
    'systemctl() {',
    '  if [ "$1" != restart ] || { [ "$2" != docker ] && [ "$2" != docker.service ]; }; then',
    `    echo "systemctl: only 'systemctl restart docker' is run against the private dockerd" >&2; return 1`,
    '  fi',
    `  local pid; pid=$(cat ${pidfile})`,
    '  local -a argv; mapfile -d "" argv < /proc/$pid/cmdline',
    '  exec {__netfd}</proc/$pid/ns/net',
    '  kill -TERM "$pid"',
    // A zombie until node reaps it (node waits in spawnSync): gone once it is no longer running.
    '  while [ -e /proc/$pid ] && ! grep -q "^State:.*Z" /proc/$pid/status 2>/dev/null; do sleep 0.1; done',
    `  nsenter --net=/proc/$$/fd/$__netfd "\${argv[@]}" >>${log} 2>&1 &`,
    '  local i; for i in $(seq 300); do docker version >/dev/null 2>&1 && return 0; sleep 0.1; done',
    '  echo "systemctl: dockerd did not come back" >&2; return 1',
    '}',
  ];
}

/** After the script: a dockerd the script restarted is no child of the harness; stop it (and its
 * containers) here, so that the harness's stop() finds nothing left. Prints nothing. */
function stopRestartedDaemon(d: RealDocker): string[] {
  const pidfile = quote(join(d.tmpDir, 'docker.pid'));
  return [
    `__pid=$(cat ${pidfile} 2>/dev/null)`,
    `if [ -n "$__pid" ] && [ "$__pid" != ${d.pid} ]; then`,
    '  docker ps -aq | xargs -r docker rm -f >/dev/null 2>&1',
    '  kill -TERM "$__pid"; wait "$__pid" 2>/dev/null',
    'fi',
  ];
}

/** copyIn: [real file, path on the host the script sees]. */
export function runScriptOnRealHost(d: RealDocker, script: string, copyIn: Array<[string, string]> = []): string {
  const work = join(d.tmpDir, 'script');
  mkdirSync(work, { recursive: true });
  const body: string[] = [
    'set +e',
    `mount --bind ${quote(d.dataRoot)} /var/lib/docker`,
    // The daemon's socket lives in its temp dir under /tmp: keep that one dir visible.
    'mkdir -p /run/otd-keep',
    `mount --bind ${quote(d.tmpDir)} /run/otd-keep`,
    'mount -t tmpfs tmpfs /tmp',
    `mkdir -p ${quote(d.tmpDir)}`,
    `mount --bind /run/otd-keep ${quote(d.tmpDir)}`,
    `cp -a ${quote(join(work, 'in'))}/. / 2>/dev/null`,
    'cd /root',
    `export DOCKER_HOST=${quote(d.host)} DOCKER_CONFIG=${quote(join(d.tmpDir, 'cli-config'))} PATH=${quote(`${dirname(d.cli)}:/usr/sbin:/usr/bin:/sbin:/bin`)}`,
  ];
  for (const [from, to] of copyIn) {
    mkdirSync(join(work, 'in', dirname(to)), { recursive: true });
    copyFileSync(from, join(work, 'in', to));
  }
  body.push(...systemctlFunction(d), ...lineByLine(script), ...stopRestartedDaemon(d));
  const file = join(work, 'run.sh');
  writeFileSync(file, `${body.join('\n')}\n`);
  mkdirSync('/var/lib/docker', { recursive: true });
  // Enter the daemon's own mount namespace (see scriptDockerd), then a slave copy of it: the
  // daemon's container mounts show here as they happen, while our /var/lib/docker and /tmp
  // never reach the daemon or the host.
  const r = spawnSync('nsenter', ['-t', String(d.pid), '-m', 'unshare', '-m', '--propagation', 'slave', 'bash', file], {
    encoding: 'utf8',
    timeout: 200_000,
    env: { HOME: '/root', LANG: 'C.UTF-8', TERM: 'dumb' },
  });
  return r.stdout + (r.stderr ? `\n[stderr of the harness]\n${r.stderr}` : '');
}
