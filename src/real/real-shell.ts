// A real bash the learner's lines run in, talking to the tutor's private daemon: one long-lived
// bash (cd and variables carry from line to line) in a slave copy of the daemon's mount namespace,
// where the daemon's data-root is bound on /var/lib/docker and /tmp and /root are fresh tmpfs — so
// paths read as on a stock host and nothing written there reaches the machine's own files.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { shellQuote } from '../posix/shell-quote.js';
import type { PrivateDaemon } from './private-daemon.js';

const END = '\u001eOVERLAY-TUTOR-END';

/** What stands in for systemctl in the real bash: the tutor's dockerd is no systemd service, and
 * the machine's own docker.service must never be restarted by a lesson. */
const SYSTEMCTL_SHIM = `#!/bin/sh
echo "systemctl: not run on the real host: the tutor's private dockerd is not a systemd service" >&2
exit 1
`;

const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The lines that set the namespace up before the learner's first line. /etc/docker is a fresh
 * tmpfs there (a lesson's daemon.json never reaches the machine's), systemctl a stand-in. */
export function namespaceSetup(d: PrivateDaemon): string[] {
  const underTmp = /^\/(tmp|root)\//.test(d.dir);
  mkdirSync(join(d.dir, 'bin'), { recursive: true });
  writeFileSync(join(d.dir, 'bin', 'systemctl'), SYSTEMCTL_SHIM, { mode: 0o755 });
  return [
    'mkdir -p /etc/docker',
    'mount -t tmpfs tmpfs /etc/docker',
    'mkdir -p /var/lib/docker',
    `mount --bind ${shellQuote(d.dataRoot)} /var/lib/docker`,
    ...(underTmp
      ? ['mkdir -p /run/overlay-tutor-keep', `mount --bind ${shellQuote(d.dir)} /run/overlay-tutor-keep`]
      : []),
    'mount -t tmpfs tmpfs /tmp',
    'mount -t tmpfs tmpfs /root',
    ...(underTmp ? [`mkdir -p ${shellQuote(d.dir)}`, `mount --bind /run/overlay-tutor-keep ${shellQuote(d.dir)}`] : []),
    'cd /root',
    `export DOCKER_HOST=${shellQuote(d.host)} DOCKER_CONFIG=${shellQuote(d.env.DOCKER_CONFIG ?? '')}`,
    `export PATH=${shellQuote(`${join(d.dir, 'bin')}:${dirname(d.cli)}:${SYSTEM_PATH}`)}`,
  ];
}

/** How to start the bash and the lines that set its namespace up. */
export interface BashLaunch {
  command: string;
  args: string[];
  setup: string[];
}

export class RealShell {
  private readonly bash: ChildProcessWithoutNullStreams;
  private buffer = '';
  private waiting: ((chunk: string) => void) | undefined;
  private exited = false;
  private exitCode = 0;

  /** A bash in a copy of the private daemon's mount namespace, or one launched as `launch` says
   * (the user's own daemon: src/real/system-shell.ts). */
  constructor(d: PrivateDaemon | BashLaunch) {
    const launch: BashLaunch =
      'command' in d
        ? d
        : {
            command: 'nsenter',
            args: ['-t', String(d.pid), '-m', 'unshare', '-m', '--propagation', 'slave', 'bash', '--norc'],
            setup: namespaceSetup(d),
          };
    this.bash = spawn(launch.command, launch.args, {
      env: { HOME: '/root', LANG: 'C.UTF-8', TERM: 'dumb', PS1: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const take = (c: Buffer) => {
      this.buffer += c.toString('utf8');
      this.waiting?.(this.buffer);
    };
    this.bash.stdout.on('data', take);
    this.bash.stderr.on('data', take);
    this.bash.on('exit', (code) => {
      this.exited = true;
      this.exitCode = code ?? 128;
      this.waiting?.(this.buffer);
    });
    this.bash.stdin.write(`{ ${launch.setup.join('\n')}\n} >/dev/null 2>&1; __status=0\n`);
  }

  /** Runs one line (stdout and stderr together, as a terminal shows them); its exit status. */
  async run(line: string, onOutput: (s: string) => void): Promise<{ exitCode: number; exited: boolean }> {
    if (this.exited) return { exitCode: 127, exited: true };
    const mark = `${END}-${Date.now()}-`;
    this.buffer = '';
    // A line of its own, with the last line's $? (the marker's printf would reset it); its status
    // printed after the marker; stdin is /dev/null (no terminal here).
    this.bash.stdin.write(
      `( exit $__status ); { ${line}\n} 2>&1 </dev/null; __status=$?; printf '\\n%s%d\\n' '${mark}' "$__status"\n`,
    );
    let shown = 0;
    const re = new RegExp(`\\n${mark}(\\d+)\\n`);
    return new Promise((resolve) => {
      this.waiting = (all) => {
        const m = re.exec(all);
        const upto = m ? m.index : Math.max(shown, all.length - mark.length - 16);
        if (upto > shown) {
          onOutput(all.slice(shown, upto));
          shown = upto;
        }
        if (m || this.exited) {
          this.waiting = undefined;
          resolve({ exitCode: m ? Number(m[1]) : this.exitCode, exited: this.exited || /^\s*exit\b/.test(line) });
        }
      };
      this.waiting(this.buffer);
    });
  }

  close(): void {
    if (!this.exited) this.bash.stdin.end('exit\n');
  }
}
