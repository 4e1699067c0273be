// dockerd typed at the host's prompt, as the 20.10 binary answers it: its flags parsed as cobra and
// pflag parse them (errors in its "Status: …, Code: 125" form, exit 1), -v, and the start-up checks a
// learner meets first: the config file (the same errors docker.service's journal shows, and the
// way to check a daemon.json by hand: 20.10 has no --validate) and the pid file of the dockerd that
// systemd runs. Running a second daemon in the foreground is not simulated.
import type { CommandContext, CommandSpec } from '../shell/command.js';
import { DOCKER_VERSION } from '../docker/version.js';
import { logrusLine, type DockerService } from './docker-service.js';

/** dockerd 20.10's boolean flags (hidden --restart too): they take no separate value. */
const BOOL_FLAGS = new Set(
  (
    'cri-containerd debug experimental help icc init ip-forward ip-masq ip6tables iptables ipv6 live-restore ' +
    'no-new-privileges raw-logs restart rootless selinux-enabled tls tlsverify userland-proxy version'
  ).split(' '),
);

/** Flags that take a value (hidden ones too). */
const VALUE_FLAGS = new Set(
  (
    'add-runtime allow-nondistributable-artifacts api-cors-header authorization-plugin bip bridge ' +
    'cgroup-parent cluster-advertise cluster-store cluster-store-opt config-file containerd ' +
    'containerd-namespace containerd-plugins-namespace cpu-rt-period cpu-rt-runtime data-root ' +
    'default-address-pool default-cgroupns-mode default-gateway default-gateway-v6 default-ipc-mode ' +
    'default-runtime default-shm-size default-ulimit dns dns-opt dns-search exec-opt exec-root fixed-cidr ' +
    'fixed-cidr-v6 graph group host host-gateway-ip init-path insecure-registry ip label log-driver ' +
    'log-level log-opt max-concurrent-downloads max-concurrent-uploads max-download-attempts metrics-addr ' +
    'mtu network-control-plane-mtu network-diagnostic-port node-generic-resource oom-score-adjust pidfile ' +
    'registry-mirror seccomp-profile shutdown-timeout storage-driver storage-opt ' +
    'swarm-default-advertise-addr tlscacert tlscert tlskey userland-proxy-path userns-remap'
  ).split(' '),
);

const SHORTHANDS: Record<string, string> = {
  b: 'bridge',
  D: 'debug',
  G: 'group',
  H: 'host',
  g: 'graph',
  l: 'log-level',
  p: 'pidfile',
  s: 'storage-driver',
  v: 'version',
};

/** List and map flags: the name daemon.json gives them (a NamedOption), and how pflag prints them. */
const NAMED: Record<string, string> = {
  host: 'hosts',
  label: 'labels',
  'log-opt': 'log-opts',
  'storage-opt': 'storage-opts',
  'exec-opt': 'exec-opts',
  'dns-opt': 'dns-opts',
  dns: 'dns',
  'dns-search': 'dns-search',
  'registry-mirror': 'registry-mirrors',
  'insecure-registry': 'insecure-registries',
  'authorization-plugin': 'authorization-plugins',
  'allow-nondistributable-artifacts': 'allow-nondistributable-artifacts',
  'node-generic-resource': 'node-generic-resources',
  'cluster-store-opt': 'cluster-store-opts',
};

class UsageError extends Error {}

/** The flags as pflag holds them: name to the values given, in order. */
function parseFlags(args: string[]): { flags: Map<string, string[]>; positional: string[] } {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  const set = (name: string, value: string) => flags.set(name, [...(flags.get(name) ?? []), value]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      if (BOOL_FLAGS.has(name)) set(name, eq < 0 ? 'true' : a.slice(eq + 1));
      else if (VALUE_FLAGS.has(name)) {
        if (eq >= 0) set(name, a.slice(eq + 1));
        else if (i + 1 < args.length) set(name, args[++i] as string);
        else throw new UsageError(`flag needs an argument: --${name}`);
      } else throw new UsageError(`unknown flag: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      for (let k = 1; k < a.length; k++) {
        const c = a.charAt(k);
        const name = SHORTHANDS[c];
        if (!name) throw new UsageError(`unknown shorthand flag: '${c}' in ${a}`);
        if (BOOL_FLAGS.has(name)) {
          set(name, a.charAt(k + 1) === '=' ? a.slice(k + 2) : 'true');
          if (a.charAt(k + 1) === '=') break;
          continue;
        }
        const rest = a.slice(k + 1).replace(/^=/, '');
        if (rest !== '') set(name, rest);
        else if (i + 1 < args.length) set(name, args[++i] as string);
        else throw new UsageError(`flag needs an argument: '${c}' in ${a}`);
        break;
      }
      continue;
    }
    positional.push(a);
  }
  for (const [name, values] of flags)
    if (BOOL_FLAGS.has(name))
      for (const v of values)
        if (!['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) {
          const short = Object.keys(SHORTHANDS).find((k) => SHORTHANDS[k] === name);
          const shown = short ? `-${short}, --${name}` : `--${name}`;
          throw new UsageError(
            `invalid argument "${v}" for "${shown}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`,
          );
        }
  return { flags, positional };
}

/** The flags set, in pflag's Visit order (sorted by name), as findConfigurationConflicts names
 * them and prints their values (a list as [a b], a bool as true/false, the last value of others). */
function flagValues(flags: Map<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...flags.keys()].sort()) {
    const values = flags.get(name) as string[];
    if (name === 'log-opt') {
      // a Go map prints its keys sorted; a key given twice keeps its last value
      const m = new Map(values.map((v) => [v.split('=')[0] ?? v, v.slice(v.indexOf('=') + 1)]));
      out['log-opts'] = `map[${[...m.keys()]
        .sort()
        .map((k) => `${k}:${m.get(k)}`)
        .join(' ')}]`;
    } else if (NAMED[name]) out[NAMED[name]] = `[${values.join(' ')}]`;
    else out[name] = values.at(-1) === 'True' || values.at(-1) === '1' ? 'true' : (values.at(-1) as string);
  }
  return out;
}

export function createDockerdCommand(svc: DockerService, now: () => number): CommandSpec {
  const run = (ctx: CommandContext): number => {
    let parsed: ReturnType<typeof parseFlags>;
    try {
      parsed = parseFlags(ctx.argv.slice(1));
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      ctx.stderr(`Status: ${e.message}\nSee 'dockerd --help'., Code: 125\n`);
      return 1;
    }
    const { flags, positional } = parsed;
    if (positional.length > 0) {
      ctx.stderr(
        `"dockerd" accepts no argument(s).\nSee 'dockerd --help'.\n\nUsage:  dockerd [OPTIONS]\n\n` +
          'A self-sufficient runtime for containers.\n',
      );
      return 1;
    }
    if (flags.has('help')) {
      ctx.stderr("dockerd: --help is not simulated here (the real one lists dockerd's flags)\n");
      return 1;
    }
    const on = (name: string) => ['true', 'True', 'TRUE', 't', 'T', '1'].includes(flags.get(name)?.at(-1) ?? '');
    if (on('version')) {
      ctx.stdout(`Docker version ${DOCKER_VERSION}, build 5d6db84\n`);
      return 0;
    }
    const given = flags.get('config-file')?.at(-1);
    const path = given ?? '/etc/docker/daemon.json';
    if (given !== undefined && !ctx.proc.exists(path)) {
      ctx.stderr(
        `unable to configure the Docker daemon with file ${given}: open ${given}: no such file or directory\n`,
      );
      return 1;
    }
    const refused = svc.configRefusal(path, flagValues(flags));
    if (refused) {
      ctx.stderr(`${refused}\n`);
      return 1;
    }
    const pidfile = flags.get('pidfile')?.at(-1) ?? '/var/run/docker.pid';
    if (svc.status.state === 'active' && pidfile === '/var/run/docker.pid') {
      ctx.stderr(`${logrusLine(now(), 'Starting up')}\n`);
      ctx.stderr(`failed to start daemon: pid file found, ensure docker is not running or delete ${pidfile}\n`);
      return 1;
    }
    ctx.stderr(
      'dockerd: a daemon in the foreground is not simulated here (`systemctl start docker` starts the one ' +
        'the host runs)\n',
    );
    return 1;
  };
  return {
    name: 'dockerd',
    run,
    summary: 'the Docker daemon: its flags, -v, and its start-up checks of daemon.json (systemd runs it)',
    flags: ['--config-file', '--version', '--debug', '--storage-driver', '--data-root', '--log-driver'],
  };
}
