// docker run/create flags that set how a container runs rather than what it holds: --env-file,
// -m/--memory, --cpus, --network, --restart, -P/--expose, --log-driver. Parsed as the 20.10 CLI
// parses them (opts.ParseEnvFile, units.RAMInBytes, big.Rat, opts.ParseRestartPolicy, nat.ParsePortRange),
// with its error texts; what only the daemon checks is checked in the engine's create.
import type { CreateOptions } from '../../../docker/engine/index.js';
import type { CommandContext } from '../../command.js';
import { CliError, type CommandDef, type FlagSpec, flagError, type Parsed } from './flags.js';

export const RUN_OPTION_FLAGS: FlagSpec[] = [
  { long: 'env-file', type: 'list' },
  { long: 'memory', short: 'm', type: 'string' },
  { long: 'shm-size', type: 'string' },
  { long: 'cpus', type: 'string' },
  { long: 'network', type: 'string' },
  // --net: the hidden older name of --network, which tutorials still use.
  { long: 'net', type: 'string' },
  { long: 'restart', type: 'string' },
  { long: 'publish-all', short: 'P', type: 'bool' },
  { long: 'expose', type: 'list' },
  { long: 'log-driver', type: 'string' },
  { long: 'log-opt', type: 'list' },
  { long: 'network-alias', type: 'list' },
  { long: 'ip', type: 'string' },
  { long: 'dns', type: 'list' },
  { long: 'dns-search', type: 'list' },
  { long: 'dns-option', type: 'list' },
  { long: 'add-host', type: 'list' },
  { long: 'mac-address', type: 'string' },
];

/** An error the CLI finds before it asks the daemon: "docker: <text>." and the command's usage line. */
export class RunOptionError extends Error {}

/** units.RAMInBytes: a number with an optional binary unit (k, m, g, t, p; "b", "ib" allowed after it). */
export function ramInBytes(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(value);
  if (!m) return undefined;
  const mult: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };
  return Math.trunc(Number.parseFloat(m[1] ?? '') * (mult[(m[2] ?? '').toLowerCase()] ?? 1));
}

/** opts.NanoCPUs: a rational number (big.Rat's SetString: 1.5, 3/2, 2e-1) times 1e9, which must be whole. */
export function nanoCpus(def: CommandDef, value: string): number {
  const frac = /^([+-]?\d+)\/(\d+)$/.exec(value);
  const n = frac
    ? Number(frac[1]) / Number(frac[2])
    : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)
      ? Number(value)
      : Number.NaN;
  if (!Number.isFinite(n))
    throw flagError(
      def,
      `invalid argument "${value}" for "--cpus" flag: failed to parse ${value} as a rational number`,
    );
  const nano = n * 1e9;
  if (Math.abs(nano - Math.round(nano)) > 1e-6)
    throw flagError(def, `invalid argument "${value}" for "--cpus" flag: value is too precise`);
  return Math.round(nano);
}

/** opts.ParseRestartPolicy: NAME or NAME:COUNT (the daemon judges the name and the count). */
export function restartPolicy(value: string): { Name: string; MaximumRetryCount: number } {
  const parts = value.split(':');
  if (parts.length > 2) throw new RunOptionError('invalid restart policy format');
  let count = 0;
  if (parts.length === 2) {
    if (!/^[+-]?\d+$/.test(parts[1] ?? '')) throw new RunOptionError('maximum retry count must be an integer');
    count = Number(parts[1]);
  }
  return { Name: parts[0] ?? '', MaximumRetryCount: count };
}

/** --expose's values as nat.ParsePortRange and the CLI's loop make them: "7000-7001/udp" is two ports. */
function exposedPorts(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const [range = '', proto = 'tcp'] = v.split('/');
    const m = /^(\d+)(?:-(\d+))?$/.exec(range);
    if (!m)
      throw new RunOptionError(
        `invalid range format for --expose: ${v}, error: Invalid range specified for the Port: ${range}`,
      );
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    for (let p = from; p <= to; p++) out.push(`${p}/${proto}`);
  }
  return out;
}

/**
 * opts.ParseEnvFile's reading of one file: a UTF-8 BOM dropped, leading blanks trimmed, blank
 * lines and # comments skipped; NAME=VALUE as written (the value untrimmed); a bare NAME takes the
 * value the CLI's own environment has, and is dropped when that has none.
 */
function envFile(ctx: CommandContext, file: string): string[] {
  let text: string;
  try {
    text = new TextDecoder().decode(ctx.proc.readFile(file));
  } catch {
    throw new RunOptionError(`open ${file}: no such file or directory`);
  }
  const out: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split('\n')) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const name = eq < 0 ? line : line.slice(0, eq);
    if (/\s/.test(name))
      throw new RunOptionError(`poorly formatted environment: variable '${name}' contains whitespaces`);
    if (name === '') throw new RunOptionError(`poorly formatted environment: no variable name on line '${line}'`);
    if (eq >= 0) out.push(`${name}=${line.slice(eq + 1)}`);
    else {
      const value = ctx.env.get(line.trim());
      if (value !== undefined) out.push(`${line.trim()}=${value}`);
    }
  }
  return out;
}

/** net.ParseIP's yes or no: dotted IPv4, or IPv6's hex groups. */
function isIP(s: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) return s.split('.').every((x) => Number(x) <= 255);
  return s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s) && (s.match(/::/g) ?? []).length <= 1;
}

/** opts.ValidateExtraHost: NAME:IP split at the first colon (host-gateway is taken as an address). */
function extraHostError(v: string): string | undefined {
  const at = v.indexOf(':');
  if (at <= 0) return `bad format for add-host: ${JSON.stringify(v)}`;
  const ip = v.slice(at + 1);
  if (ip !== 'host-gateway' && !isIP(ip)) return `invalid IP address in add-host: ${JSON.stringify(ip)}`;
  return undefined;
}

/** The part of CreateOptions these flags give (env: the files' variables, before -e's). */
export function runOptions(
  ctx: CommandContext,
  def: CommandDef,
  p: Parsed,
): Pick<
  CreateOptions,
  | 'memory'
  | 'shmSize'
  | 'nanoCpus'
  | 'networkMode'
  | 'restartPolicy'
  | 'publishAll'
  | 'expose'
  | 'logDriver'
  | 'logOpts'
  | 'networkAliases'
  | 'ip'
  | 'dns'
  | 'macAddress'
> & {
  envFromFiles: string[];
} {
  const mem = p.strings.get('memory');
  const memory = mem === undefined ? 0 : ramInBytes(mem);
  if (memory === undefined)
    throw flagError(def, `invalid argument "${mem}" for "-m, --memory" flag: invalid size: '${mem}'`);
  // A bytes flag (opts.MemBytes): the CLI refuses what units.RAMInBytes cannot read, a sign among it.
  const shm = p.strings.get('shm-size');
  const shmSize = shm === undefined ? 0 : ramInBytes(shm);
  if (shmSize === undefined)
    throw flagError(def, `invalid argument "${shm}" for "--shm-size" flag: invalid size: '${shm}'`);
  const cpus = p.strings.get('cpus');
  const restart = restartPolicy(p.strings.get('restart') ?? 'no');
  if (p.bools.has('rm') && !['', 'no'].includes(restart.Name))
    throw new RunOptionError('Conflicting options: --restart and --rm');
  const network = p.strings.get('network') ?? p.strings.get('net') ?? 'default';
  // Without --log-driver the daemon's default driver (daemon.json's log-driver) is used.
  const logDriver = p.strings.get('log-driver');
  // parseLoggingOpts: opts.ConvertKVStringsToMap ("key" alone is the key with an empty value).
  const logOptList = p.lists.get('log-opt') ?? [];
  if (logDriver === 'none' && logOptList.length) throw new RunOptionError('invalid logging opts for driver none');
  const logOpts = Object.fromEntries(
    logOptList.map((o) => (o.includes('=') ? [o.slice(0, o.indexOf('=')), o.slice(o.indexOf('=') + 1)] : [o, ''])),
  );
  const unmodelled = (what: string, modelled: string): CliError =>
    new CliError(`docker ${def.path}: ${what} is not simulated here (${modelled}), so nothing was done.\n`, 125);
  if (/^service:/.test(network))
    throw unmodelled(`--network ${network}`, 'default, bridge, host, none, container: and user networks are');
  for (const h of p.lists.get('add-host') ?? []) {
    const bad = extraHostError(h);
    if (bad) throw flagError(def, `invalid argument "${h}" for "--add-host" flag: ${bad}`);
  }
  for (const ip of p.lists.get('dns') ?? [])
    if (!isIP(ip)) throw flagError(def, `invalid argument "${ip}" for "--dns" flag: ${ip} is not an ip address`);
  const dns = {
    dns: p.lists.get('dns') ?? [],
    search: p.lists.get('dns-search') ?? [],
    options: p.lists.get('dns-option') ?? [],
    extraHosts: p.lists.get('add-host') ?? [],
  };
  const ip = p.strings.get('ip');
  const mac = p.strings.get('mac-address');
  return {
    envFromFiles: (p.lists.get('env-file') ?? []).flatMap((f) => envFile(ctx, f)),
    memory,
    shmSize,
    nanoCpus: cpus === undefined ? 0 : nanoCpus(def, cpus),
    networkMode: network,
    restartPolicy: restart,
    publishAll: p.bools.has('publish-all'),
    expose: exposedPorts(p.lists.get('expose') ?? []),
    ...(logDriver !== undefined ? { logDriver } : {}),
    logOpts,
    networkAliases: p.lists.get('network-alias') ?? [],
    ...(ip !== undefined ? { ip } : {}),
    ...(Object.values(dns).some((v) => v.length) ? { dns } : {}),
    ...(mac !== undefined ? { macAddress: mac } : {}),
  };
}
