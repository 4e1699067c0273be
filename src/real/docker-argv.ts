// What a docker command line would do to a daemon, read from its argv as the docker 20.10 CLI
// parses it (pflag: `--name x`, `--name=x`, `-dp 80:80`, `-eX=1`). The user's own daemon
// (`--real=system`) runs a learner's docker command only after this plan: a read runs as typed;
// a change names the existing resources it would change (each must be the session's), the tags
// it would point somewhere (none may be the user's) and what it may create (found afterwards and
// recorded); a container, volume or network it creates gets the session's label. Everything else
// — prunes, pushes, swarm, another daemon through -H or a context — is refused. Pure.

export type ResourceType = 'container' | 'image' | 'volume' | 'network';

export interface Touch {
  type: ResourceType;
  ref: string;
}

export interface DockerPlan {
  /** read: runs as typed; change: shown, confirmed, checked; refuse: never runs. */
  kind: 'read' | 'change' | 'refuse';
  /** The command as `docker container rm` names it ('container rm'), or what was typed. */
  command: string;
  /** Why a refused command is refused. */
  reason?: string;
  /** Existing resources it would change: each must be the session's. */
  changes: Touch[];
  /** Tags it would point at an image: none may be one the user had. */
  tags: string[];
  /** Names it would give a new volume or network: none may already exist. */
  names: Touch[];
  /** An image `run`/`create` would pull when the daemon lacks it (its tag is then the session's). */
  pullsIfMissing?: string;
  /** Kinds of resource it may create without a label (found afterwards and recorded). */
  creates: ResourceType[];
  /** The argv to run (without the `docker`): the label added where it labels what it creates. */
  argv: string[];
}

export const SESSION_LABEL = 'org.overlay-tutor.session';

/** Flags that take a value, per command (docker 20.10's CLI); others are booleans. */
const RUN_VALUES =
  'add-host a attach blkio-weight blkio-weight-device cap-add cap-drop cgroup-parent cgroupns cidfile ' +
  'cpu-count cpu-percent cpu-period cpu-quota cpu-rt-period cpu-rt-runtime c cpu-shares cpus cpuset-cpus ' +
  'cpuset-mems detach-keys device device-cgroup-rule device-read-bps device-read-iops device-write-bps ' +
  'device-write-iops dns dns-opt dns-option dns-search domainname entrypoint e env env-file expose gpus ' +
  'group-add health-cmd health-interval health-retries health-start-period health-timeout h hostname ip ip6 ' +
  'ipc isolation kernel-memory l label label-file link link-local-ip log-driver log-opt mac-address m memory ' +
  'memory-reservation memory-swap memory-swappiness mount name net network net-alias network-alias ' +
  'oom-score-adj pid pids-limit platform p publish pull restart runtime security-opt shm-size stop-signal ' +
  'stop-timeout storage-opt sysctl tmpfs ulimit u user userns uts v volume volume-driver volumes-from w workdir';

const VALUE_FLAGS: Record<string, string> = {
  'container attach': 'detach-keys',
  'container commit': 'a author c change m message',
  'container create': RUN_VALUES,
  'container run': RUN_VALUES,
  'container exec': 'detach-keys e env env-file u user w workdir',
  'container export': 'o output',
  'container kill': 's signal',
  'container logs': 'since n tail until',
  'container ls': 'f filter format n last',
  'container restart': 't time',
  'container stop': 't time',
  'container start': 'detach-keys checkpoint checkpoint-dir',
  'container stats': 'format',
  'container update':
    'blkio-weight cpu-period cpu-quota cpu-rt-period cpu-rt-runtime c cpu-shares cpus cpuset-cpus cpuset-mems ' +
    'kernel-memory m memory memory-reservation memory-swap pids-limit restart',
  'image build':
    'add-host build-arg cache-from cgroup-parent cpu-period cpu-quota c cpu-shares cpuset-cpus cpuset-mems f file ' +
    'iidfile isolation label m memory memory-swap network platform progress secret security-opt shm-size ssh ' +
    't tag target ulimit o output',
  'image history': 'format',
  'image import': 'c change m message platform',
  'image load': 'i input',
  'image ls': 'f filter format',
  'image pull': 'platform',
  'image save': 'o output',
  inspect: 'f format type',
  'image inspect': 'f format',
  'container inspect': 'f format',
  'volume create': 'd driver label name o opt',
  'volume ls': 'f filter format',
  'volume inspect': 'f format',
  'network create': 'aux-address config-from d driver gateway ip-range ipam-driver ipam-opt label o opt scope subnet',
  'network connect': 'alias driver-opt ip ip6 link link-local-ip',
  'network ls': 'f filter format',
  'network inspect': 'f format',
  'system df': 'format',
  'system events': 'f filter format since until',
  'system info': 'f format',
  version: 'f format',
  search: 'f filter format limit',
  login: 'p password u username',
};

/** Top-level commands and the management command they stand for. */
const ALIASES: Record<string, string> = {
  attach: 'container attach',
  commit: 'container commit',
  cp: 'container cp',
  create: 'container create',
  diff: 'container diff',
  exec: 'container exec',
  export: 'container export',
  kill: 'container kill',
  logs: 'container logs',
  pause: 'container pause',
  port: 'container port',
  ps: 'container ls',
  rename: 'container rename',
  restart: 'container restart',
  rm: 'container rm',
  run: 'container run',
  start: 'container start',
  stats: 'container stats',
  stop: 'container stop',
  top: 'container top',
  unpause: 'container unpause',
  update: 'container update',
  wait: 'container wait',
  build: 'image build',
  history: 'image history',
  images: 'image ls',
  import: 'image import',
  load: 'image load',
  pull: 'image pull',
  push: 'image push',
  rmi: 'image rm',
  save: 'image save',
  tag: 'image tag',
  events: 'system events',
  info: 'system info',
};
const SUB_ALIASES: Record<string, string> = { list: 'ls', ps: 'ls', remove: 'rm', images: 'ls' };
const MANAGEMENT = new Set(['container', 'image', 'volume', 'network', 'system', 'context', 'builder']);

const READS = new Set([
  'container diff',
  'container export',
  'container inspect',
  'container logs',
  'container ls',
  'container port',
  'container stats',
  'container top',
  'container wait',
  'image history',
  'image inspect',
  'image ls',
  'image save',
  'volume inspect',
  'volume ls',
  'network inspect',
  'network ls',
  'system df',
  'system events',
  'system info',
  'context ls',
  'context show',
  'context inspect',
  'inspect',
  'version',
  'search',
  'login',
  'logout',
]);

/** Commands that change every container they name. */
const CONTAINER_CHANGES = new Set([
  'container attach',
  'container kill',
  'container pause',
  'container unpause',
  'container restart',
  'container rm',
  'container start',
  'container stop',
  'container update',
]);

const NOT_ON_YOUR_DAEMON: Record<string, string> = {
  prune: "it removes resources that are not the tutor's (the tutor's own go with `reset` and on exit)",
  push: 'it sends an image to a registry',
  'image load': "the archive's tags could replace tags you have (the tutor loads its own images itself)",
};

function valueFlags(command: string): Set<string> {
  return new Set((VALUE_FLAGS[command] ?? '').split(' ').filter(Boolean));
}

interface Parsed {
  flags: Array<[string, string | true]>;
  positionals: string[];
}

/** pflag's parse: flags anywhere until `--` or (for run/create/exec) the first positional. */
function parseFlags(args: readonly string[], values: Set<string>, stopAtFirstPositional: boolean): Parsed {
  const flags: Array<[string, string | true]> = [];
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (eq >= 0) flags.push([name, a.slice(eq + 1)]);
      else if (values.has(name)) flags.push([name, args[++i] ?? '']);
      else flags.push([name, true]);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const name = a[j]!;
        if (values.has(name)) {
          const rest = a.slice(j + 1).replace(/^=/, '');
          flags.push([name, rest !== '' ? rest : (args[++i] ?? '')]);
          break;
        }
        flags.push([name, true]);
      }
    } else {
      positionals.push(a);
      if (stopAtFirstPositional) {
        positionals.push(...args.slice(i + 1));
        break;
      }
    }
  }
  return { flags, positionals };
}

const valuesOf = (p: Parsed, ...names: string[]) =>
  p.flags.filter(([n, v]) => names.includes(n) && typeof v === 'string').map(([, v]) => v as string);

/** A reference as the daemon keys its tags: docker.io/library/ dropped, :latest added. */
export function normalizeTag(ref: string): string {
  let r = ref.replace(/^(docker\.io|index\.docker\.io)\//, '');
  if (!r.includes('/') || r.startsWith('library/')) r = r.replace(/^library\//, '');
  if (r.includes('@')) return r;
  const lastSlash = r.lastIndexOf('/');
  return r.slice(lastSlash + 1).includes(':') ? r : `${r}:latest`;
}

/** Named volumes a run/create would mount writable (binds and anonymous ones are not volumes the
 * user can have had), and containers whose volumes --volumes-from would mount writable. */
function mountedVolumes(p: Parsed): Touch[] {
  const out: Touch[] = [];
  for (const v of valuesOf(p, 'v', 'volume')) {
    const parts = v.split(':');
    if (parts.length < 2) continue;
    const [src = '', , opts = ''] = parts;
    if (/^[/.~]/.test(src) || src === '') continue;
    if (!opts.split(',').includes('ro')) out.push({ type: 'volume', ref: src });
  }
  for (const m of valuesOf(p, 'mount')) {
    const kv = new Map(
      m.split(',').map((f) => {
        const eq = f.indexOf('=');
        return (eq < 0 ? [f, 'true'] : [f.slice(0, eq), f.slice(eq + 1)]) as [string, string];
      }),
    );
    const type = kv.get('type') ?? 'volume';
    const src = kv.get('source') ?? kv.get('src');
    const ro = ['readonly', 'ro'].some((k) => kv.has(k) && kv.get(k) !== 'false' && kv.get(k) !== '0');
    if (type === 'volume' && src && !ro) out.push({ type: 'volume', ref: src });
  }
  for (const from of valuesOf(p, 'volumes-from')) {
    const [name = '', mode = ''] = from.split(':');
    if (mode !== 'ro') out.push({ type: 'container', ref: name });
  }
  return out;
}

const plan = (command: string, argv: string[], extra: Partial<DockerPlan>): DockerPlan => ({
  kind: 'change',
  command,
  changes: [],
  tags: [],
  names: [],
  creates: [],
  argv,
  ...extra,
});

const refuse = (command: string, argv: string[], reason: string): DockerPlan =>
  plan(command, argv, { kind: 'refuse', reason });

/** The plan for `docker ARGV`, with `session` the id the label carries. */
export function planDocker(argv: readonly string[], session: string): DockerPlan {
  const all = [...argv];
  // Global options come before the command.
  let i = 0;
  for (; i < all.length && all[i]!.startsWith('-'); i++) {
    const a = all[i]!;
    const name = a.replace(/^--?/, '').replace(/=.*$/, '');
    if (['H', 'host', 'c', 'context', 'config', 'tlscacert', 'tlscert', 'tlskey'].includes(name) || /^tls/.test(name))
      return refuse(
        all.join(' '),
        all,
        `${a.replace(/=.*$/, '')} would point docker at another daemon or configuration than the one the tutor checked`,
      );
    if (['h', 'help', 'v', 'version'].includes(name)) return plan('help', all, { kind: 'read' });
    if (['l', 'log-level'].includes(name) && !a.includes('=')) i++;
  }
  const rest = all.slice(i);
  if (rest.length === 0) return plan('help', all, { kind: 'read' });
  let command: string;
  let args: string[];
  const first = rest[0]!;
  if (MANAGEMENT.has(first)) {
    const sub = rest[1];
    if (sub === undefined || sub.startsWith('-')) return plan(first, all, { kind: 'read' });
    command = `${first} ${SUB_ALIASES[sub] ?? sub}`;
    args = rest.slice(2);
  } else {
    command = ALIASES[first] ?? first;
    args = rest.slice(1);
  }
  // -h is --hostname for run and create, --help elsewhere.
  const hostnameFlag = command === 'container run' || command === 'container create';
  if (args.includes('--help') || (args.includes('-h') && !hostnameFlag)) return plan(command, all, { kind: 'read' });
  if (command.endsWith(' prune')) return refuse(command, all, NOT_ON_YOUR_DAEMON.prune!);
  if (command === 'image push') return refuse(command, all, NOT_ON_YOUR_DAEMON.push!);
  if (command === 'image load') return refuse(command, all, NOT_ON_YOUR_DAEMON['image load']!);
  if (READS.has(command)) return plan(command, all, { kind: 'read' });

  const runLike = command === 'container run' || command === 'container create' || command === 'container exec';
  const p = parseFlags(args, valueFlags(command), runLike);
  const head = all.slice(0, all.length - args.length);
  const labelled = [...head, '--label', `${SESSION_LABEL}=${session}`, ...args];

  if (CONTAINER_CHANGES.has(command))
    return plan(command, all, { changes: p.positionals.map((ref) => ({ type: 'container', ref })) });
  switch (command) {
    case 'container run':
    case 'container create': {
      const image = p.positionals[0];
      return plan(command, labelled, {
        changes: mountedVolumes(p),
        ...(image ? { pullsIfMissing: normalizeTag(image) } : {}),
        creates: ['container', 'volume', 'image'],
      });
    }
    case 'container exec':
      return plan(command, all, { changes: p.positionals.slice(0, 1).map((ref) => ({ type: 'container', ref })) });
    case 'container rename':
      return plan(command, all, { changes: p.positionals.slice(0, 1).map((ref) => ({ type: 'container', ref })) });
    case 'container cp': {
      // Only a copy into a container changes it; one out of it reads.
      const dst = p.positionals[1] ?? '';
      const m = /^([^/.~][^:]*):/.exec(dst);
      return m
        ? plan(command, all, { changes: [{ type: 'container', ref: m[1]! }] })
        : plan(command, all, { kind: 'read' });
    }
    case 'container commit':
      // commit pauses the container while it copies the upper dir.
      return plan(command, all, {
        changes: p.positionals.slice(0, 1).map((ref) => ({ type: 'container', ref })),
        tags: p.positionals.slice(1, 2).map(normalizeTag),
        creates: ['image'],
      });
    case 'image rm':
      return plan(command, all, { changes: p.positionals.map((ref) => ({ type: 'image', ref })) });
    case 'image tag':
      return plan(command, all, { tags: p.positionals.slice(1, 2).map(normalizeTag) });
    case 'image pull':
      return plan(command, all, { tags: p.positionals.slice(0, 1).map(normalizeTag), creates: ['image'] });
    case 'image import':
      return plan(command, all, { tags: p.positionals.slice(1, 2).map(normalizeTag), creates: ['image'] });
    case 'image build':
      return plan(command, all, {
        tags: valuesOf(p, 't', 'tag').map(normalizeTag),
        creates: ['image', 'container'],
      });
    case 'volume create': {
      const name = valuesOf(p, 'name')[0] ?? p.positionals[0];
      return plan(command, labelled, {
        names: name ? [{ type: 'volume', ref: name }] : [],
        creates: ['volume'],
      });
    }
    case 'volume rm':
      return plan(command, all, { changes: p.positionals.map((ref) => ({ type: 'volume', ref })) });
    case 'network create':
      return plan(command, labelled, {
        names: p.positionals.slice(0, 1).map((ref) => ({ type: 'network', ref })),
        creates: ['network'],
      });
    case 'network rm':
      return plan(command, all, { changes: p.positionals.map((ref) => ({ type: 'network', ref })) });
    case 'network connect':
    case 'network disconnect':
      return plan(command, all, {
        changes: [
          ...p.positionals.slice(0, 1).map((ref): Touch => ({ type: 'network', ref })),
          ...p.positionals.slice(1, 2).map((ref): Touch => ({ type: 'container', ref })),
        ],
      });
    default:
      return refuse(
        command,
        all,
        `the tutor runs the commands its lessons use on your own daemon; \`docker ${command}\` is not one of them`,
      );
  }
}
