// Runs a tutorial script with bash against a real, private Docker daemon, line by line in one
// shell session, printing `$ <line>` and then what the line wrote (stdout and stderr together).
// The daemon's data-root is bind-mounted at /var/lib/docker in a private mount namespace, so
// scripts name the same paths as on the simulated host, and the host's own /var/lib/docker is
// never touched.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { transcriptCommand } from '../../../src/io/script-mode.js';
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

/**
 * `more TEXT` succeeds when real bash, given TEXT at its prompt, would ask for another line (PS2)
 * before running it: its own parser (eval under `set -n`, in a subshell, runs nothing) meets the
 * end of the input inside a heredoc, a quote, a `$(` or a block. A last line ending in `\` parses
 * whole at the end of input, so such TEXT is also unfinished when one more line still joins it:
 * after a complete command, a lone `fi` is a syntax error.
 */
const MORE_FUNCTION = String.raw`more() {
  local e; e=$(eval $'set -n\n'"$1" 2>&1)
  case $e in
    *'unexpected end of file'*|*'unexpected EOF while looking for matching'*|*'delimited by end-of-file'*) return 0 ;;
  esac
  [ -z "$e" ] && [[ $1 == *\\ ]] || return 1
  (eval $'set -n\n'"$1"$'\nfi') 2>/dev/null
}`;

/** Reads a script on stdin and writes its commands, each ended by a NUL, grouped as `more` says;
 * blank and comment lines between commands are skipped, as script mode skips them (scriptLines). */
const GROUP_COMMANDS = [
  'have=',
  'while IFS= read -r line || [ -n "$line" ]; do',
  "  line=${line%$'\\r'}",
  '  if [ -z "$have" ]; then',
  '    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue',
  '    pending=$line; have=1',
  '  else',
  "    pending+=$'\\n'$line",
  '  fi',
  `  if ! more "$pending"; then printf '%s\\0' "$pending"; have=; fi`,
  'done',
  `if [ -n "$have" ]; then printf '%s\\0' "$pending"; fi`,
].join('\n');

const bash = (program: string, input: string) =>
  spawnSync('bash', ['-c', program], { input, encoding: 'utf8', timeout: 60_000 });

/** Whether real bash waits for more after TEXT (see MORE_FUNCTION). */
export const bashNeedsMore = (text: string): boolean => bash(`${MORE_FUNCTION}\nmore "$(cat)"`, text).status === 0;

/** A script's commands as real bash reads them: one line each, or several where bash waits for
 * more (a heredoc up to its delimiter, a `\` at the end of a line, an open quote, `$(` or block). */
export function scriptCommands(script: string): string[] {
  const r = bash(`${MORE_FUNCTION}\n${GROUP_COMMANDS}`, script);
  if (r.status !== 0) throw new Error(`bash could not split the script into commands: ${r.stderr}`);
  return r.stdout.split('\0').slice(0, -1);
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** A script about the kernel alone (no Docker): its first line is `# kernel only`. */
export const isKernelOnly = (script: string): boolean => /^# kernel only\b/.test(script);

/** The body that runs each command of a script, printing it as script mode does and what it wrote. */
function commandByCommand(script: string): string[] {
  const body = ['__status=0'];
  for (const line of scriptCommands(script)) {
    // Echoing the line must not disturb $?, which the next line may read.
    body.push(`printf '%s' ${quote(transcriptCommand(line))}`);
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
      ...commandByCommand(script),
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
  body.push(...systemctlFunction(d), ...commandByCommand(script), ...stopRestartedDaemon(d));
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
