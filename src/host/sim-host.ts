// The simulated host: an Ubuntu 22.04 root filesystem on the simulated disk, /proc and /dev,
// the kernel, the command table and a terminal session. Docker plugs in through the hooks:
//   createSimHost({ seed, extraCommands: [dockerCommand], onKernel: (k, proc) => engine.init(k) })
import { UNSIMULATED_COMMANDS } from './unsimulated-commands.js';
import { Volume } from 'memfs';
import {
  type BudgetLimits,
  type Clock,
  followingClock,
  Kernel,
  type Proc,
  seededRandom,
  steppingClock,
} from '../kernel/index.js';
import { FIXED_START, type HostTime } from './host-time.js';
import { mountDevfs, mountProcfs } from '../kernel/procfs.js';
import { mountSysfs } from '../kernel/sysfs.js';
import { toText, type CommandSpec } from '../shell/command.js';
import { DEFAULT_MACHINE, fsCommands, SBIN, type MachineInfo } from '../shell/commands/index.js';
import { textCommands } from '../shell/commands/text/index.js';
import { runJq } from '../shell/commands/jq/index.js';
import { busyboxPs } from '../shell/commands/busybox/ps.js';
import { busyboxDmesg } from '../shell/commands/busybox/dmesg.js';
import { busyboxNetApplets } from '../shell/commands/busybox/net-applets.js';
import { busyboxApplets, busyboxBanner } from '../shell/commands/busybox/index.js';
import { BUSYBOX_APPLETS_ALL } from '../shell/commands/busybox/usage-texts.js';
import { ALL_BUILTINS } from '../shell/bash/builtins-eval-and-lookup.js';
import { Session } from '../shell/bash/session.js';
import { shellQuote } from '../posix/shell-quote.js';
import type { DockerEngine } from '../docker/engine/index.js';
import { DockerService } from './docker-service.js';
import { sameRoot, shellProgram } from '../shell/commands/shell-program.js';
import { hostTaskSource } from './host-tasks.js';
import { createSystemctl } from './systemctl.js';
import { createJournalctl } from './journalctl.js';
import { createDockerdCommand } from './dockerd-command.js';
import { createTutorialRegistry } from '../docker/registry/tutorial.js';
import { createDockerCommand } from '../shell/commands/docker/index.js';
import { createManCommand } from '../shell/commands/man.js';
import type { CompletionSources } from '../shell/bash/completion.js';

export interface SimHostOptions {
  /** Makes every random id reproducible; also the clock's start when startTime is absent. */
  seed?: number;
  hostname?: string;
  /** Epoch ms of the host clock at boot (default: host-time.ts's FIXED_START); each read of the
   * clock moves it on by 10 ms at least. */
  startTime?: number;
  /** A wall clock (the CLI's real one) the host's clock keeps pace with, from startTime. */
  wall?: () => number;
  clock?: Clock;
  machine?: MachineInfo;
  /** Mountpoints that xfs_info reports as XFS (ftype=1), e.g. ['/var/lib/docker']. */
  xfsMounts?: string[];
  /** More commands: docker, systemctl … A command here replaces a built-in one of the same name. */
  extraCommands?: CommandSpec[];
  /** Runs once the root filesystem exists, before the session: the docker engine sets up here. */
  onKernel?: (kernel: Kernel, rootProc: Proc) => void;
  /** The simulated Docker 20.10 daemon and its `docker` command (default on). */
  docker?: boolean;
  /** An interactive shell (default) says `exit` when it ends; a script's does not. */
  interactive?: boolean;
  /** What one command line may spend (src/kernel/budget.ts); the defaults suit a learner. */
  budget?: Partial<BudgetLimits>;
}

export interface SimHost {
  kernel: Kernel;
  /** The docker daemon, when the host has one and it is running. */
  readonly docker?: DockerEngine;
  /** docker.service, which systemctl starts and stops. */
  dockerService?: DockerService;
  session: Session;
  commands: CommandSpec[];
  /** A root process at /, for setup code and lesson checks. */
  rootProc: Proc;
}

const OS_RELEASE = `PRETTY_NAME="Ubuntu 22.04.3 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.3 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
`;

export const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
systemd-network:x:100:102:systemd Network Management,,,:/run/systemd:/usr/sbin/nologin
ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash
`;

export const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:syslog,ubuntu
tty:x:5:
disk:x:6:
www-data:x:33:
sudo:x:27:ubuntu
nogroup:x:65534:
systemd-network:x:102:
docker:x:999:ubuntu
ubuntu:x:1000:
`;

/** systemd 249's /run/systemd/resolve/resolv.conf (Ubuntu 22.04), on a VM behind a NAT's resolver. */
const RESOLVED_UPLINK = `# This is /run/systemd/resolve/resolv.conf managed by man:systemd-resolved(8).
# Do not edit.
#
# This file might be symlinked as /etc/resolv.conf. If you're looking at
# /etc/resolv.conf and seeing this text, you have followed the symlink.
#
# This is a dynamic resolv.conf file for connecting local clients directly to
# all known uplink DNS servers. This file lists all configured search domains.
#
# Third party programs should typically not access this file directly, but only
# through the symlink at /etc/resolv.conf. To manage local programs' use of
# DNS, set up the symlink to one of the resolv.conf files under /run/systemd/resolve
# instead.

nameserver 10.0.2.3
search .
`;

const BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.
[ -z "$PS1" ] && return
alias ll='ls -alF'
alias la='ls -A'
alias l='ls -CF'
`;

function buildRootFs(p: Proc, hostname: string, commandNames: string[]): void {
  const dirs: [string, number][] = [
    ['/boot', 0o755],
    ['/dev', 0o755],
    ['/etc', 0o755],
    ['/home', 0o755],
    ['/home/ubuntu', 0o750],
    ['/media', 0o755],
    ['/mnt', 0o755],
    ['/opt', 0o755],
    ['/proc', 0o555],
    ['/root', 0o700],
    ['/run', 0o755],
    ['/run/systemd', 0o755],
    ['/run/systemd/resolve', 0o755],
    ['/srv', 0o755],
    ['/sys', 0o555],
    ['/tmp', 0o1777],
    ['/usr', 0o755],
    ['/usr/bin', 0o755],
    ['/usr/sbin', 0o755],
    ['/usr/lib', 0o755],
    ['/usr/lib64', 0o755],
    ['/usr/local', 0o755],
    ['/usr/local/bin', 0o755],
    ['/usr/local/sbin', 0o755],
    ['/usr/share', 0o755],
    ['/var', 0o755],
    ['/var/lib', 0o755],
    ['/var/log', 0o775],
    ['/var/tmp', 0o1777],
    ['/var/cache', 0o755],
    ['/var/lib/docker', 0o710],
    ['/etc/docker', 0o755],
  ];
  for (const [d, mode] of dirs) {
    p.mkdir(d, 0o777);
    p.chmod(d, mode);
  }
  for (const [link, target] of [
    ['/bin', 'usr/bin'],
    ['/sbin', 'usr/sbin'],
    ['/lib', 'usr/lib'],
    ['/lib64', 'usr/lib64'],
    ['/var/run', '/run'],
  ] as const) {
    p.symlink(target, link);
  }
  const files: [string, string, number][] = [
    ['/etc/hostname', `${hostname}\n`, 0o644],
    [
      '/etc/hosts',
      [
        '127.0.0.1 localhost',
        `127.0.1.1 ${hostname}`,
        '',
        '# The following lines are desirable for IPv6 capable hosts',
        '::1     ip6-localhost ip6-loopback',
        'fe00::0 ip6-localnet',
        'ff00::0 ip6-mcastprefix',
        'ff02::1 ip6-allnodes',
        'ff02::2 ip6-allrouters',
        '',
      ].join('\n'),
      0o644,
    ],
    ['/etc/passwd', PASSWD, 0o644],
    ['/etc/group', GROUP, 0o644],
    ['/usr/lib/os-release', OS_RELEASE, 0o644],
    ['/etc/issue', 'Ubuntu 22.04.3 LTS \\n \\l\n\n', 0o644],
    ['/etc/resolv.conf', 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n', 0o644],
    // systemd-resolved's list of the uplink servers, which dockerd reads instead of the stub above.
    ['/run/systemd/resolve/resolv.conf', RESOLVED_UPLINK, 0o644],
    [
      '/etc/shells',
      '# /etc/shells: valid login shells\n/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n',
      0o644,
    ],
    ['/root/.bashrc', BASHRC, 0o644],
    [
      '/root/.profile',
      [
        '# ~/.profile: executed by Bourne-compatible login shells.',
        '',
        'if [ "$BASH" ]; then',
        '  if [ -f ~/.bashrc ]; then',
        '    . ~/.bashrc',
        '  fi',
        'fi',
        '',
        'mesg n 2> /dev/null || true',
        '',
      ].join('\n'),
      0o644,
    ],
  ];
  for (const [f, text, mode] of files) {
    p.writeFile(f, text);
    p.chmod(f, mode);
  }
  p.symlink('../usr/lib/os-release', '/etc/os-release');
  p.symlink('../proc/self/mounts', '/etc/mtab');
  p.symlink('dash', '/usr/bin/sh');
  for (const name of new Set([...commandNames, 'bash', 'dash', 'sudo'])) {
    const path = `${SBIN.has(name) ? '/usr/sbin' : '/usr/bin'}/${name}`;
    if (p.exists(path)) continue;
    p.writeFile(path, `#!/bin/sh\n# ${name}: provided by the simulated host\n`);
    p.chmod(path, 0o755);
  }
}

function jqCommand(): CommandSpec {
  return {
    name: 'jq',
    summary: 'filter JSON (the real jq 1.8.2, compiled to WebAssembly)',
    flags: ['-r', '-c', '-s', '-n', '-e', '-S', '-M', '--arg', '--argjson'],
    async run(ctx) {
      const r = await runJq(ctx.argv.slice(1), toText(ctx.stdin), {
        readFile: (path) => {
          try {
            return toText(ctx.proc.readFile(path));
          } catch (err) {
            const code = (err as { code?: string }).code;
            return code === 'ENOENT' ? null : { error: (err as { text?: string }).text ?? String(err) };
          }
        },
        stdinIsTerminal: ctx.stdinIsTerminal,
        stdoutIsTerminal: ctx.stdoutIsTerminal,
        budget: ctx.budget,
      });
      if (r.stdout) ctx.stdout(r.stdout);
      if (r.stderr) ctx.stderr(r.stderr);
      return r.exitCode;
    },
  };
}

/** `busybox APPLET ARGS`: the multi-call binary runs the applet its first argument names (the
 * busybox images' /bin/busybox; Ubuntu's busybox-static on the host). */
function busyboxCommand(applets: () => ReadonlyMap<string, CommandSpec>, table: Map<string, CommandSpec>): CommandSpec {
  return {
    name: 'busybox',
    summary: 'the multi-call binary: busybox APPLET [ARGS] runs the applet',
    async run(ctx) {
      const args = ctx.argv.slice(1);
      const binary = ctx.variant?.binary ?? (ctx.proc.root === '/' ? '/usr/bin/busybox' : '/bin/busybox');
      if (args.length === 0 || args[0] === '--help') {
        ctx.stdout(
          `${busyboxBanner(ctx.proc, binary)}\n\nUsage: busybox [function [arguments]...]\n` +
            '   or: function [arguments]...\n\n\tBusyBox is a multi-call binary that combines many common Unix\n' +
            '\tutilities into a single executable.\n',
        );
        return 0;
      }
      const name = args[0] as string;
      const applet = applets().get(name);
      if (applet) return applet.run({ ...ctx, argv: args, variant: { kind: 'busybox', binary } });
      if (!BUSYBOX_APPLETS_ALL.includes(name)) {
        ctx.stderr(`${name}: applet not found\n`);
        return 127;
      }
      if (!ALL_BUILTINS.has(name) && !table.has(name)) {
        ctx.stderr(`busybox: ${name}: not simulated here (busybox has this applet; the tutor does not model it)\n`);
        return 127;
      }
      // An applet the shell has as a builtin (echo, printf, test, sleep …) runs as the builtin, sh as the shell.
      return ctx.shell.runLine(args.map(shellQuote).join(' '), ctx, {
        env: Object.fromEntries(ctx.env),
        ...sameRoot(ctx),
      });
    },
  };
}

/** A clock that `sleep` can move forward (the shell looks for `advance`), so times after a sleep
 * are later by as much, without any real waiting. */
function advancable(inner: Clock): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => inner.now() + offset,
    advance: (ms) => {
      offset += Math.max(0, ms);
    },
  };
}

/** The options that start a host's clock at `time` (nothing: the fixed start). */
export function timeOptions(time: HostTime | undefined): Pick<SimHostOptions, 'startTime' | 'wall'> {
  return time ? { startTime: time.start, ...(time.wall ? { wall: time.wall } : {}) } : {};
}

export function createSimHost(options: SimHostOptions = {}): SimHost {
  const seed = options.seed ?? 0;
  const hostname = options.hostname ?? 'host';
  const start = options.startTime ?? FIXED_START;
  const clock = advancable(
    options.clock ?? (options.wall ? followingClock(start, options.wall, 10) : steppingClock(start, 10)),
  );
  const machine = options.machine ?? DEFAULT_MACHINE;
  const kernel = new Kernel({ volume: new Volume(), clock, random: seededRandom(seed), release: machine.release });
  const table = new Map<string, CommandSpec>();
  const add = (c: CommandSpec): void => {
    table.set(c.name, c);
  };
  fsCommands({ machine, xfsMounts: options.xfsMounts }).forEach(add);
  textCommands.forEach(add);
  let applets = new Map<string, CommandSpec>();
  [
    jqCommand(),
    shellProgram('bash'),
    shellProgram('sh'),
    shellProgram('dash'),
    busyboxCommand(() => applets, table),
  ].forEach(add);
  add(createManCommand(() => table.values()));
  const rootProc = kernel.proc({ root: '/', cwd: '/' });
  const withDocker = options.docker ?? true;
  const names = [
    ...table.keys(),
    ...(options.extraCommands ?? []).map((c) => c.name),
    ...(withDocker ? ['docker', 'dockerd', 'systemctl', 'journalctl'] : []),
  ];
  buildRootFs(rootProc, hostname, names);
  mountSysfs(kernel); // the overlay module's parameters among its files
  mountProcfs(kernel, { release: machine.release });
  mountDevfs(kernel);
  // The daemon runs RUN steps and `docker exec` through the session, which exists only later.
  let session: Session | undefined;
  let service: DockerService | undefined;
  if (withDocker) {
    service = new DockerService(
      {
        kernel,
        clock,
        random: kernel.random,
        registry: createTutorialRegistry(),
        hostname,
        operatingSystem: 'Ubuntu 22.04.3 LTS',
        runCommand: (line, o) => {
          if (!session) return Promise.resolve(127);
          return session.services.runLine(line, o.io, {
            root: o.root,
            cwd: o.cwd,
            env: o.env,
            hostname: o.hostname,
            shell: !!o.shell,
            ...(o.args ? { args: o.args } : {}),
            ...(o.bash !== undefined ? { bash: o.bash } : {}),
            ...(o.program ? { program: o.program } : {}),
            ...(o.pid !== undefined ? { pid: o.pid } : {}),
            ...(o.cred ? { cred: o.cred } : {}),
          });
        },
      },
      rootProc,
    );
    service.start();
    const svc = service;
    // docker.socket: a docker command while the service is down starts it again (socket
    // activation), as `systemctl stop docker` warns.
    add(createDockerCommand(() => svc.current ?? (svc.start() ? svc.current : undefined)));
    add(createSystemctl(svc, () => clock.now(), hostname));
    add(createJournalctl(svc, hostname));
    add(createDockerdCommand(svc, () => clock.now()));
  }
  (options.extraCommands ?? []).forEach(add);
  const commands = [...table.values()];
  // ps exists only as busybox's applet (inside a container); the host's ps is not simulated.
  const daemon = () => service?.current;
  // The network applets ask the daemon what a container's network holds (ping, nslookup, hostname -i).
  const busybox = busyboxApplets([...commands, busyboxPs(daemon), busyboxDmesg(), ...busyboxNetApplets(daemon)]);
  applets = new Map(busybox.map((c) => [c.name, c]));
  const svc = service;
  kernel.tasks = hostTaskSource(
    kernel,
    () => svc?.current,
    () => (svc?.status.state === 'active' ? svc.status.pid : undefined),
  );
  options.onKernel?.(kernel, rootProc);
  session = new Session({
    kernel,
    interactive: options.interactive ?? true,
    commands,
    hostname,
    commandPath: (name) => `${SBIN.has(name) ? '/usr/sbin' : '/usr/bin'}/${name}`,
    budget: options.budget,
    unsimulated: new Set(UNSIMULATED_COMMANDS),
    busybox,
  });
  const dockerService = service;
  return {
    kernel,
    get docker() {
      return dockerService?.current;
    },
    dockerService,
    session,
    commands,
    rootProc,
  };
}

/** What Tab completion offers on this host right now (inside a container: its own root). */
export function completionSources(host: SimHost): CompletionSources {
  const d = host.docker;
  return {
    commands: host.commands,
    proc: host.session.shell.proc,
    ...(d
      ? {
          docker: {
            images: () => [...d.imageStore.refs.keys()].filter((r) => !r.includes('@')),
            containers: () => d.ps(true).map((c) => c.name.replace(/^\//, '')),
          },
        }
      : {}),
  };
}
