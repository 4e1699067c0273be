// dockerd 20.10 reading /etc/docker/daemon.json (moby daemon/config MergeDaemonConfigurations):
// Go's decoder into a map (syntax errors, a value that is not an object), the keys checked against
// dockerd's flags ("the following directives don't match any configuration option: …"; a nested
// object's own keys are checked, except under the few options that take one), keys that a flag on
// dockerd's command line sets too, then the decode into its Config struct, whose first type error
// (in document order, as encoding/json reports it) stops the daemon, then Validate. Every message
// was checked against a real dockerd 20.10 started with --config-file.
import { goJsonDecodeError } from './go-json-scan.js';
import { parseJsonText, type JsonNode } from './json-text.js';

type FieldType =
  | 'bool'
  | 'string'
  | 'int'
  | 'int64'
  | 'uint32'
  | '[]string'
  | 'map[string]string'
  | 'net.IP'
  | 'ulimits';

/** Config's JSON fields and their Go types (daemon/config, registry.ServiceOptions), those with a
 * plain type; the ones with their own UnmarshalJSON (default-address-pools, default-shm-size,
 * runtimes, builder, features) are not type-checked here. */
const FIELDS: Record<string, FieldType> = {
  'allow-nondistributable-artifacts': '[]string',
  'api-cors-header': 'string',
  'authorization-plugins': '[]string',
  bip: 'string',
  bridge: 'string',
  'cgroup-parent': 'string',
  'cluster-advertise': 'string',
  'cluster-store': 'string',
  'cluster-store-opts': 'map[string]string',
  containerd: 'string',
  'containerd-namespace': 'string',
  'cpu-rt-period': 'int64',
  'cpu-rt-runtime': 'int64',
  'cri-containerd': 'bool',
  'data-root': 'string',
  debug: 'bool',
  'default-cgroupns-mode': 'string',
  'default-gateway': 'net.IP',
  'default-gateway-v6': 'net.IP',
  'default-ipc-mode': 'string',
  'default-runtime': 'string',
  'default-ulimits': 'ulimits',
  dns: '[]string',
  'dns-opts': '[]string',
  'dns-search': '[]string',
  'exec-opts': '[]string',
  'exec-root': 'string',
  experimental: 'bool',
  'fixed-cidr': 'string',
  'fixed-cidr-v6': 'string',
  graph: 'string',
  group: 'string',
  'host-gateway-ip': 'net.IP',
  hosts: '[]string',
  icc: 'bool',
  init: 'bool',
  'init-path': 'string',
  'insecure-registries': '[]string',
  ip: 'net.IP',
  'ip-forward': 'bool',
  'ip-masq': 'bool',
  ip6tables: 'bool',
  iptables: 'bool',
  ipv6: 'bool',
  labels: '[]string',
  'live-restore': 'bool',
  'log-driver': 'string',
  'log-level': 'string',
  'log-opts': 'map[string]string',
  'max-concurrent-downloads': 'int',
  'max-concurrent-uploads': 'int',
  'max-download-attempts': 'int',
  'metrics-addr': 'string',
  mtu: 'int',
  'network-control-plane-mtu': 'int',
  'network-diagnostic-port': 'int',
  'no-new-privileges': 'bool',
  'node-generic-resources': '[]string',
  'oom-score-adjust': 'int',
  pidfile: 'string',
  'raw-logs': 'bool',
  'registry-mirrors': '[]string',
  'resolv-conf': 'string',
  rootless: 'bool',
  'seccomp-profile': 'string',
  'selinux-enabled': 'bool',
  'shutdown-timeout': 'int',
  'storage-driver': 'string',
  'storage-opts': '[]string',
  'swarm-default-advertise-addr': 'string',
  'swarm-raft-election-tick': 'uint32',
  'swarm-raft-heartbeat-tick': 'uint32',
  tls: 'bool',
  tlscacert: 'string',
  tlscert: 'string',
  tlskey: 'string',
  tlsverify: 'bool',
  'userland-proxy': 'bool',
  'userland-proxy-path': 'string',
  'userns-remap': 'string',
};

/** dockerd 20.10's flag names (hidden ones too) and the names its list and map options take in
 * the file (--label is "labels", -H is "hosts"): what flags.Lookup and the NamedOption walk find. */
const KNOWN = new Set([
  ...(
    'add-runtime allow-nondistributable-artifacts api-cors-header authorization-plugin bip bridge ' +
    'cgroup-parent config-file containerd containerd-namespace containerd-plugins-namespace cpu-rt-period ' +
    'cpu-rt-runtime cri-containerd data-root debug default-address-pool default-cgroupns-mode ' +
    'default-gateway default-gateway-v6 default-ipc-mode default-runtime default-shm-size default-ulimit ' +
    'dns dns-opt dns-search exec-opt exec-root experimental fixed-cidr fixed-cidr-v6 group help host ' +
    'host-gateway-ip icc init init-path insecure-registry ip ip-forward ip-masq ip6tables iptables ipv6 ' +
    'label live-restore log-driver log-level log-opt max-concurrent-downloads max-concurrent-uploads ' +
    'max-download-attempts metrics-addr mtu network-control-plane-mtu no-new-privileges ' +
    'node-generic-resource oom-score-adjust pidfile raw-logs registry-mirror rootless seccomp-profile ' +
    'selinux-enabled shutdown-timeout storage-driver storage-opt swarm-default-advertise-addr tls ' +
    'tlscacert tlscert tlskey tlsverify userland-proxy userland-proxy-path userns-remap version'
  ).split(' '),
  // hidden flags
  ...'cluster-advertise cluster-store cluster-store-opt graph network-diagnostic-port restart'.split(' '),
  // named options
  ...(
    'storage-opts authorization-plugins exec-opts dns-opts labels log-opts cluster-store-opts ' +
    'node-generic-resources allow-nondistributable-artifacts registry-mirrors insecure-registries ' +
    'runtimes default-ulimits hosts default-address-pools'
  ).split(' '),
  // skipValidateOptions
  'features',
  'builder',
  'deprecated-key-path',
]);

/** flatOptions: objects whose keys are values, not options. */
const FLAT = new Set(['cluster-store-opts', 'log-opts', 'runtimes', 'default-ulimits', 'features', 'builder']);

/** Go's %v of a decoded interface{} value. */
function goValue(n: JsonNode): string {
  switch (n.t) {
    case 'null':
      return '<nil>';
    case 'bool':
      return String(n.v);
    case 'num':
      return formatFloat(Number(n.raw));
    case 'str':
      return n.v;
    case 'arr':
      return `[${n.items.map(goValue).join(' ')}]`;
    case 'obj': {
      const m = new Map(n.members);
      return `map[${[...m.keys()]
        .sort()
        .map((k) => `${k}:${goValue(m.get(k) as JsonNode)}`)
        .join(' ')}]`;
    }
  }
}

/** %v of a float64: strconv 'g' with the shortest digits, exponent past 21 digits. */
function formatFloat(f: number): string {
  const abs = Math.abs(f);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    return f.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(f);
}

const KIND_NAME: Record<JsonNode['t'], string> = {
  null: 'null',
  bool: 'bool',
  num: 'number',
  str: 'string',
  arr: 'array',
  obj: 'object',
};

const INT_RANGE: Record<string, [bigint, bigint]> = {
  int: [-(2n ** 63n), 2n ** 63n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
};

/** The UnmarshalTypeError Go reports for a value of `n` in field `key` of type `t`, if any. */
function typeError(key: string, t: FieldType, n: JsonNode): string | undefined {
  if (n.t === 'null') return undefined;
  const err = (value: string, type: string) =>
    `json: cannot unmarshal ${value} into Go struct field Config.${key} of type ${type}`;
  const scalar = (want: 'bool' | 'string' | 'int' | 'int64' | 'uint32', v: JsonNode): string | undefined => {
    if (v.t === 'null') return undefined;
    if (want === 'bool') return v.t === 'bool' ? undefined : err(KIND_NAME[v.t], 'bool');
    if (want === 'string') return v.t === 'str' ? undefined : err(KIND_NAME[v.t], 'string');
    if (v.t !== 'num') return err(KIND_NAME[v.t], want);
    const [lo, hi] = INT_RANGE[want] as [bigint, bigint];
    if (!/^-?(0|[1-9][0-9]*)$/.test(v.raw) || BigInt(v.raw) < lo || BigInt(v.raw) > hi)
      return err(`number ${v.raw}`, want);
    return undefined;
  };
  switch (t) {
    case 'bool':
    case 'string':
    case 'int':
    case 'int64':
    case 'uint32':
      return scalar(t, n);
    case '[]string':
      if (n.t !== 'arr') return err(KIND_NAME[n.t], '[]string');
      for (const item of n.items) {
        const e = scalar('string', item);
        if (e) return e;
      }
      return undefined;
    case 'map[string]string':
      if (n.t !== 'obj') return err(KIND_NAME[n.t], 'map[string]string');
      for (const [, v] of n.members) {
        const e = scalar('string', v);
        if (e) return e;
      }
      return undefined;
    case 'net.IP':
      // net.IP unmarshals from a string (UnmarshalText); its parse error is not modelled.
      return n.t === 'str' ? undefined : err(KIND_NAME[n.t], 'net.IP');
    case 'ulimits':
      if (n.t !== 'obj') return err(KIND_NAME[n.t], 'map[string]*units.Ulimit');
      for (const [, v] of n.members) if (v.t !== 'obj' && v.t !== 'null') return err(KIND_NAME[v.t], 'units.Ulimit');
      return undefined;
  }
}

export interface DaemonFlags {
  /** Flag name to its value as pflag prints it (f.Value.String()), for the flags dockerd was
   * started with: systemd's docker.service passes -H fd:// and --containerd. */
  readonly [name: string]: string;
}

/** What Validate and the log set-up refuse in values that decoded. */
function validate(config: Map<string, JsonNode>): string | undefined {
  const num = (k: string): number | undefined => {
    const n = config.get(k);
    return n?.t === 'num' ? Number(n.raw) : undefined;
  };
  const dns = config.get('dns');
  if (dns?.t === 'arr')
    for (const d of dns.items)
      if (d.t === 'str' && !isIp(d.v)) return `configuration validation from file failed: ${d.v} is not an ip address`;
  const downloads = num('max-concurrent-downloads');
  if (downloads !== undefined && downloads < 0)
    return `configuration validation from file failed: invalid max concurrent downloads: ${downloads}`;
  const uploads = num('max-concurrent-uploads');
  if (uploads !== undefined && uploads < 0)
    return `configuration validation from file failed: invalid max concurrent uploads: ${uploads}`;
  const attempts = num('max-download-attempts');
  if (attempts !== undefined && attempts <= 0)
    return `configuration validation from file failed: invalid max download attempts: ${attempts}`;
  return undefined;
}

function isIp(s: string): boolean {
  if (/^(\d{1,3})(\.\d{1,3}){3}$/.test(s)) return s.split('.').every((p) => Number(p) <= 255 && !/^0\d/.test(p));
  return /^[0-9a-fA-F:]+$/.test(s) && s.includes(':');
}

/**
 * Why dockerd refuses `text` as its config file (the line it prints, after "unable to configure
 * the Docker daemon with file PATH: " where the real one puts that), or undefined when it starts.
 */
export function daemonConfigError(path: string, text: string, flags: DaemonFlags): string | undefined {
  const prefix = `unable to configure the Docker daemon with file ${path}: `;
  const syntax = goJsonDecodeError(text);
  if (syntax) return prefix + syntax;
  let root: JsonNode;
  try {
    root = parseJsonText(text);
  } catch {
    return undefined; // a value followed by more text: Go's decoder stops after the value
  }
  if (root.t === 'null') return undefined;
  if (root.t !== 'obj')
    return `${prefix}json: cannot unmarshal ${KIND_NAME[root.t]} into Go value of type map[string]interface {}`;
  // configValuesSet: a map, the last of duplicate keys winning, nested objects flattened.
  const top = new Map(root.members);
  const set = new Map<string, JsonNode>();
  for (const [k, v] of top) {
    if (v.t === 'obj' && !FLAT.has(k)) for (const [km, vm] of new Map(v.members)) set.set(km, vm);
    else set.set(k, v);
  }
  const unknown = [...set.keys()].filter((k) => !KNOWN.has(k));
  if (unknown.length > 0)
    return `${prefix}the following directives don't match any configuration option: ${unknown.join(', ')}`;
  const conflicts = Object.entries(flags)
    .filter(([name]) => set.has(name))
    .map(([name, value]) => `${name}: (from flag: ${value}, from file: ${goValue(set.get(name) as JsonNode)})`);
  const both = 'the following directives are specified both as a flag and in the configuration file';
  if (conflicts.length > 0) return `${prefix}${both}: ${conflicts.join(', ')}`;
  for (const [k, v] of root.members) {
    const t = FIELDS[k];
    const e = t && typeError(k, t, v);
    if (e) return prefix + e;
  }
  const str = (k: string) => {
    const n = top.get(k);
    return n?.t === 'str' ? n.v : '';
  };
  if (str('graph') !== '' && str('data-root') !== '')
    return `${prefix}cannot specify both "graph" and "data-root" config file options`;
  const invalid = validate(top);
  if (invalid) return prefix + invalid;
  const level = str('log-level');
  if (
    level !== '' &&
    !['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace'].includes(level.toLowerCase())
  )
    return `unable to parse logging level: ${level}`;
  return undefined;
}
