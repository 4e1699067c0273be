// Logging drivers as a 20.10 daemon has them (moby daemon/logger): the log options each driver takes,
// checked at create as logger.ValidateLogOpts checks them; what a start makes of them (json-file's
// max-size, max-file and compress read as its New reads them: a bad value fails the start with
// "failed to initialize logging driver: …"); the json-file lines with their attrs (labels, env,
// tag) and the local driver's framed protobuf records, both rotated as loggerutils.LogFile rotates;
// and reading them back for `docker logs`. Drivers that ship logs elsewhere (syslog, journald,
// gelf, fluentd, …) depend on the machine's services: their options are checked, but a start
// with one says it is not simulated here.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DaemonFs } from './daemon-fs.js';
import { settingsOf } from './run-settings.js';
import { DaemonError, NotSimulatedError, type Container } from './types.js';
import { type HostPaths, keepsLocalCache, remoteLoggerError, validateRemoteOpts } from './log-remote.js';

export interface LogConfig {
  Type: string;
  Config: Record<string, string>;
}

/** A failure of the container's logger at start: the container stays Created. */
export class LoggerInitError extends DaemonError {
  constructor(
    message: string,
    /** What `docker logs` says for it: the driver's own error, without the start's prefix. */
    readonly reason: string,
  ) {
    super(message, 500);
  }
}

/** The log drivers a 20.10 daemon on Linux has built in (docker info's Log line, and none). */
export const LOG_DRIVERS = [
  'awslogs',
  'fluentd',
  'gcplogs',
  'gelf',
  'journald',
  'json-file',
  'local',
  'logentries',
  'none',
  'splunk',
  'syslog',
];

/** The log options every driver takes (the daemon's own, and the dual-logging cache's). */
const BUILT_IN = ['mode', 'max-buffer-size', 'cache-disabled', 'cache-max-size', 'cache-max-file', 'cache-compress'];
const COMMON = ['env', 'env-regex', 'labels', 'labels-regex', 'tag'];

/** Each driver's ValidateLogOpt: the option names it knows, and how it words one it does not. */
const DRIVER_OPTS: Record<string, { names: string[]; unknown: (k: string) => string }> = {
  'json-file': {
    names: ['max-file', 'max-size', 'compress', ...COMMON],
    unknown: (k) => `unknown log opt '${k}' for json-file log driver`,
  },
  local: { names: ['max-file', 'max-size', 'compress'], unknown: (k) => `unknown log opt '${k}' for log driver local` },
  syslog: {
    names: [
      ...COMMON,
      'syslog-address',
      'syslog-facility',
      'syslog-tls-ca-cert',
      'syslog-tls-cert',
      'syslog-tls-key',
      'syslog-tls-skip-verify',
      'syslog-format',
    ],
    unknown: (k) => `unknown log opt '${k}' for syslog log driver`,
  },
  journald: { names: COMMON, unknown: (k) => `unknown log opt '${k}' for journald log driver` },
  gelf: {
    names: [
      ...COMMON,
      'gelf-address',
      'gelf-compression-level',
      'gelf-compression-type',
      'gelf-tcp-max-reconnect',
      'gelf-tcp-reconnect-delay',
    ],
    unknown: (k) => `unknown log opt "${k}" for gelf log driver`,
  },
  fluentd: {
    names: [
      ...COMMON,
      'fluentd-address',
      'fluentd-async',
      'fluentd-async-connect',
      'fluentd-buffer-limit',
      'fluentd-max-retries',
      'fluentd-request-ack',
      'fluentd-retry-wait',
      'fluentd-sub-second-precision',
    ],
    unknown: (k) => `unknown log opt '${k}' for fluentd log driver`,
  },
  awslogs: {
    names: [
      'awslogs-group',
      'awslogs-stream',
      'awslogs-create-group',
      'awslogs-region',
      'awslogs-endpoint',
      'tag',
      'awslogs-datetime-format',
      'awslogs-multiline-pattern',
      'awslogs-credentials-endpoint',
      'awslogs-force-flush-interval-seconds',
      'awslogs-max-buffered-events',
    ],
    unknown: (k) => `unknown log opt '${k}' for awslogs log driver`,
  },
  splunk: {
    names: [
      'splunk-url',
      'splunk-token',
      'splunk-source',
      'splunk-sourcetype',
      'splunk-index',
      'splunk-capath',
      'splunk-caname',
      'splunk-insecureskipverify',
      'splunk-format',
      'splunk-verify-connection',
      'splunk-gzip',
      'splunk-gzip-level',
      'splunk-index-acknowledgment',
      ...COMMON,
    ],
    unknown: (k) => `unknown log opt '${k}' for splunk log driver`,
  },
  logentries: {
    names: [...COMMON, 'logentries-token', 'line-only'],
    unknown: (k) => `unknown log opt '${k}' for logentries log driver`,
  },
  gcplogs: {
    names: [
      'gcp-project',
      'labels',
      'labels-regex',
      'env',
      'env-regex',
      'gcp-log-cmd',
      'gcp-meta-zone',
      'gcp-meta-name',
      'gcp-meta-id',
    ],
    unknown: (k) => `"${k}" is not a valid option for the gcplogs driver`,
  },
};

/** HostConfig.LogConfig. */
export function logConfigOf(c: Container): LogConfig {
  const s = settingsOf(c);
  return { Type: s.logDriver, Config: s.logOpts ?? {} };
}

/** mergeAndVerifyLogConfig: the daemon's default driver and (for that driver) its options filled in, the
 * cache options of the defaults merged whatever the driver, then ValidateLogOpts. */
export function mergeLogConfig(
  given: { type?: string; opts?: Record<string, string> },
  defaults: LogConfig,
  host: HostPaths,
): LogConfig {
  const Type = given.type || defaults.Type;
  const Config: Record<string, string> = { ...(given.opts ?? {}) };
  for (const [k, v] of Object.entries(defaults.Config))
    if ((Type === defaults.Type || k.startsWith('cache-')) && !Object.hasOwn(Config, k)) Config[k] = v;
  validateLogOpts(Type, Config, host);
  return { Type, Config };
}

/** logger.ValidateLogOpts, in its order. */
export function validateLogOpts(type: string, cfg: Record<string, string>, host: HostPaths): void {
  if (type === 'none') return;
  const fail = (m: string): never => {
    throw new DaemonError(m, 400);
  };
  const mode = cfg.mode ?? '';
  if (!['', 'blocking', 'non-blocking'].includes(mode)) fail(`logger: logging mode not supported: ${mode}`);
  if (cfg['max-buffer-size'] !== undefined) {
    if (mode !== 'non-blocking') fail("logger: max-buffer-size option is only supported with 'mode=non-blocking'");
    if (ramInBytes(cfg['max-buffer-size']) === undefined)
      fail(`error parsing option max-buffer-size: invalid size: '${cfg['max-buffer-size']}'`);
  }
  const cacheDisabled = cfg['cache-disabled'];
  if (cacheDisabled && parseBool(cacheDisabled) === undefined)
    fail(`invalid value for option cache-disabled: ${cacheDisabled}`);
  // factory.driverRegistered: a name that is no built-in driver is looked up as a plugin.
  if (!LOG_DRIVERS.includes(type))
    throw new DaemonError(`error looking up logging plugin ${type}: plugin "${type}" not found`, 404);
  const driver = DRIVER_OPTS[type];
  if (!driver) return;
  for (const k of Object.keys(cfg)) if (!BUILT_IN.includes(k) && !driver.names.includes(k)) fail(driver.unknown(k));
  try {
    validateRemoteOpts(type, cfg, host);
  } catch (e) {
    fail((e as Error).message);
  }
  if (type === 'awslogs' && !cfg['awslogs-group']) fail("must specify a value for log opt 'awslogs-group'");
  if (type === 'logentries' && !cfg['logentries-token']) fail('Missing logentries token');
}

/** units.RAMInBytes: a binary size (1k is 1024), or undefined. */
function ramInBytes(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(value);
  if (!m) return undefined;
  const mult: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };
  return Math.trunc(Number.parseFloat(m[1] ?? '') * (mult[(m[2] ?? '').toLowerCase()] ?? 1));
}

/** strconv.ParseBool. */
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** strconv.Atoi. */
function atoi(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

/** units.FromHumanSize: a decimal size (1k is 1000), or undefined. */
function fromHumanSize(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?) ?([kKmMgGtTpP])?[bB]?$/.exec(s);
  if (!m) return undefined;
  const mult: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15 };
  return Math.trunc(Number(m[1]) * (mult[(m[2] ?? '').toLowerCase()] ?? 1));
}

/** How a file-based driver (json-file, local) writes: where, its rotation, what each line carries. */
export interface LogFileSpec {
  driver: 'json-file' | 'local';
  path: string;
  /** Bytes before a rotation; -1: never. */
  capacity: number;
  maxFiles: number;
  compress: boolean;
  /** json-file's attrs (labels, env, tag), JSON as Go marshals a map (keys sorted). */
  attrs?: Record<string, string>;
}

/** The driver's New, for the file drivers: their options read (a bad one throws as the start
 * fails); for a driver that ships logs, its dial (LoggerInitError when it fails) and the local
 * copy docker logs reads; undefined when nothing is kept (none, cache-disabled). */
export function logFileSpec(
  containerDir: string,
  c: Container,
  cfg: LogConfig,
  host: HostPaths,
): LogFileSpec | undefined {
  if (cfg.Type === 'none') return undefined;
  const fail = (m: string): never => {
    throw new LoggerInitError(`failed to initialize logging driver: ${m}`, m);
  };
  if (cfg.Type === 'json-file') {
    const o = cfg.Config;
    let capacity = -1;
    if (o['max-size'] !== undefined) {
      capacity = fromHumanSize(o['max-size']) ?? fail(`invalid size: '${o['max-size']}'`);
      if (capacity <= 0) fail('max-size must be a positive number');
    }
    let maxFiles = 1;
    if (o['max-file'] !== undefined) {
      maxFiles = atoi(o['max-file']) ?? fail(`strconv.Atoi: parsing "${o['max-file']}": invalid syntax`);
      if (maxFiles < 1) fail('max-file cannot be less than 1');
    }
    let compress = false;
    if (o.compress !== undefined) {
      compress = parseBool(o.compress) ?? fail(`strconv.ParseBool: parsing "${o.compress}": invalid syntax`);
      if (compress && (maxFiles === 1 || capacity === -1))
        fail('compress cannot be true when max-file is less than 2 or max-size is not set');
    }
    const attrs = jsonAttrs(c, o);
    const path = `${containerDir}/${c.id}-json.log`;
    return { driver: 'json-file', path, capacity, maxFiles, compress, ...(attrs ? { attrs } : {}) };
  }
  if (cfg.Type === 'local') {
    // local's New and validateConfig: 20 MB files, 5 of them, compressed, unless told otherwise.
    const o = cfg.Config;
    const size = o['max-size'];
    const capacity =
      size === undefined
        ? 20e6
        : (fromHumanSize(size) ?? fail(`invalid value for max-size: ${size}: invalid size: '${size}'`));
    const count = o['max-file'];
    const maxFiles =
      count === undefined
        ? 5
        : (atoi(count) ??
          fail(`invalid value for max-file: ${count}: strconv.Atoi: parsing "${count}": invalid syntax`));
    const compress =
      o.compress === undefined
        ? true
        : (parseBool(o.compress) ??
          fail(`error reading compress log option: strconv.ParseBool: parsing "${o.compress}": invalid syntax`));
    if (capacity < 0) fail('max size should be a positive number');
    if (maxFiles < 0) fail('max file count cannot be less than 0');
    if (compress && maxFiles <= 1) fail('compression cannot be enabled when max file count is 1');
    return { driver: 'local', path: `${containerDir}/local-logs/container.log`, capacity, maxFiles, compress };
  }
  if (cfg.Type === 'splunk' && !cfg.Config['splunk-url']) fail('splunk: splunk-url is expected');
  if (!['syslog', 'journald', 'gelf', 'fluentd'].includes(cfg.Type))
    throw new NotSimulatedError(
      `the ${cfg.Type} logging driver is not simulated here (it sends the logs to a cloud service; ` +
        'json-file, local, none, syslog, journald, gelf and fluentd are simulated): ' +
        'the container is created, not started',
    );
  let why: string | undefined;
  try {
    why = remoteLoggerError(cfg.Type, cfg.Config, host);
  } catch (e) {
    if (e instanceof NotSimulatedError) throw e;
    fail((e as Error).message);
  }
  if (why) fail(why);
  // The local driver's defaults (cache-* options of a bad value are ignored by the real one too).
  if (!keepsLocalCache(cfg.Config)) return undefined;
  return { driver: 'local', path: `${containerDir}/container-cached.log`, capacity: 20e6, maxFiles: 5, compress: true };
}

/** info.ExtraAttributes (labels and env named by the options) and the tag, when one was asked for. */
function jsonAttrs(c: Container, o: Record<string, string>): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  const labels = c.config.Labels ?? {};
  for (const k of (o.labels ?? '').split(',').filter(Boolean)) if (Object.hasOwn(labels, k)) out[k] = labels[k] ?? '';
  const env = new Map((c.config.Env ?? []).map((e) => [e.split('=')[0] ?? e, e.slice(e.indexOf('=') + 1)]));
  for (const k of (o.env ?? '').split(',').filter(Boolean)) if (env.has(k)) out[k] = env.get(k) ?? '';
  if (o.tag) out.tag = logTag(c, o.tag);
  return Object.keys(out).length ? out : undefined;
}

/** loggerutils.ParseLogTag: the tag template's fields of logger.Info. */
function logTag(c: Container, template: string): string {
  const fields: Record<string, string> = {
    ID: c.id.slice(0, 12),
    FullID: c.id,
    Name: c.name.replace(/^\//, ''),
    ImageID: c.image.id.slice(7, 19),
    ImageFullID: c.image.id,
    ImageName: c.config.Image ?? '',
    DaemonName: 'docker',
  };
  return template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (all, f: string) => fields[f] ?? all);
}

export interface LogRecord {
  stream: 'stdout' | 'stderr';
  /** The line with its newline. */
  log: string;
  /** RFC 3339 with nanoseconds, as Go prints it. */
  time: string;
  attrs?: Record<string, string>;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** One record as the driver writes it: a json-file line, or the local driver's framed LogEntry. */
function marshal(spec: LogFileSpec, r: LogRecord): Uint8Array {
  if (spec.driver === 'json-file') {
    // jsonlog.JSONLogs: log, stream, attrs, time; Go escapes <, > and & in strings.
    const attrs = spec.attrs
      ? `"attrs":{${Object.keys(spec.attrs)
          .sort()
          .map((k) => `${goJson(k)}:${goJson(spec.attrs?.[k] ?? '')}`)
          .join(',')}},`
      : '';
    return enc.encode(`{"log":${goJson(r.log)},"stream":"${r.stream}",${attrs}"time":"${r.time}"}\n`);
  }
  const line = enc.encode(r.log.replace(/\n$/, ''));
  const body = [
    ...protoBytes(1, enc.encode(r.stream)),
    0x10,
    ...varint(timeNanos(r.time)),
    ...protoBytes(3, line),
    ...(r.log.endsWith('\n') ? [] : [0x20, 1]),
  ];
  const size = [(body.length >>> 24) & 255, (body.length >>> 16) & 255, (body.length >>> 8) & 255, body.length & 255];
  return new Uint8Array([...size, ...body, ...size]);
}

function goJson(s: string): string {
  return JSON.stringify(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function protoBytes(field: number, b: Uint8Array): number[] {
  return [(field << 3) | 2, ...varint(BigInt(b.length)), ...b];
}

function varint(n: bigint): number[] {
  const out: number[] = [];
  let v = n;
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

function timeNanos(text: string): bigint {
  const m = /^(.*?)(?:\.(\d+))?Z$/.exec(text);
  const secs = BigInt(Math.floor(Date.parse(`${m?.[1] ?? text}Z`) / 1000));
  return secs * 1_000_000_000n + BigInt((m?.[2] ?? '').padEnd(9, '0') || '0');
}

/** WriteLogEntry: rotate first when the file has reached its capacity, then append. */
export function writeLogRecord(fs: DaemonFs, spec: LogFileSpec, r: LogRecord): void {
  const bytes = marshal(spec, r);
  if (!fs.exists(spec.path)) return; // the logger is closed (the container was removed)
  if (spec.capacity !== -1 && fs.proc.stat(spec.path).size >= spec.capacity) rotate(fs, spec);
  fs.proc.writeFile(spec.path, bytes, { create: true, append: true });
}

/** checkCapacityAndRotate and rotate(): the oldest dropped, each moved up, the current one to .1
 * (gzipped when compress is on), a new empty file. */
function rotate(fs: DaemonFs, spec: LogFileSpec): void {
  const ext = spec.compress ? '.gz' : '';
  const p = fs.proc;
  if (spec.maxFiles >= 2) {
    const last = `${spec.path}.${spec.maxFiles - 1}${ext}`;
    if (fs.exists(last)) p.unlink(last);
    for (let i = spec.maxFiles - 1; i > 1; i--)
      if (fs.exists(`${spec.path}.${i - 1}${ext}`)) p.rename(`${spec.path}.${i - 1}${ext}`, `${spec.path}.${i}${ext}`);
  }
  p.rename(spec.path, `${spec.path}.1`);
  p.writeFile(spec.path, new Uint8Array(), { create: true, truncate: true }, 0o640);
  if (spec.compress && spec.maxFiles > 1) {
    p.writeFile(`${spec.path}.1.gz`, gzipSync(p.readFile(`${spec.path}.1`)), { create: true, truncate: true }, 0o640);
    p.unlink(`${spec.path}.1`);
  }
}

/** What `docker logs` reads: the rotated files oldest first, then the current one. */
export function readLogRecords(fs: DaemonFs, spec: LogFileSpec): LogRecord[] {
  const files: Uint8Array[] = [];
  for (let i = Math.max(spec.maxFiles - 1, 1); i >= 1; i--) {
    const plain = `${spec.path}.${i}`;
    if (fs.exists(`${plain}.gz`)) files.push(gunzipSync(fs.proc.readFile(`${plain}.gz`)));
    else if (fs.exists(plain) && (spec.maxFiles > 1 || i === 1)) files.push(fs.proc.readFile(plain));
  }
  if (spec.maxFiles <= 1) files.length = 0; // a single file: its .1 is the rotation's leftover, not read
  if (fs.exists(spec.path)) files.push(fs.proc.readFile(spec.path));
  return files.flatMap((b) => (spec.driver === 'json-file' ? parseJsonLines(b) : parseLocal(b)));
}

function parseJsonLines(b: Uint8Array): LogRecord[] {
  return dec
    .decode(b)
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogRecord);
}

function parseLocal(b: Uint8Array): LogRecord[] {
  const out: LogRecord[] = [];
  let at = 0;
  while (at + 4 <= b.length) {
    const size =
      (((b[at] as number) << 24) |
        ((b[at + 1] as number) << 16) |
        ((b[at + 2] as number) << 8) |
        (b[at + 3] as number)) >>>
      0;
    const msg = b.subarray(at + 4, at + 4 + size);
    at += size + 8;
    let i = 0;
    let stream = '';
    let line = '';
    let nanos = 0n;
    let partial = false;
    const readVarint = (): bigint => {
      let v = 0n;
      let shift = 0n;
      for (;;) {
        const byte = msg[i++] as number;
        v |= BigInt(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return v;
        shift += 7n;
      }
    };
    while (i < msg.length) {
      const tag = msg[i++] as number;
      if ((tag & 7) === 2) {
        const len = Number(readVarint());
        const bytes = msg.subarray(i, i + len);
        i += len;
        if (tag >> 3 === 1) stream = dec.decode(bytes);
        else if (tag >> 3 === 3) line = dec.decode(bytes);
      } else {
        const v = readVarint();
        if (tag >> 3 === 2) nanos = v;
        else if (tag >> 3 === 4) partial = v !== 0n;
      }
    }
    const secs = Number(nanos / 1_000_000_000n);
    const frac = (nanos % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
    const time = `${new Date(secs * 1000).toISOString().replace(/\.\d+Z$/, '')}${frac ? `.${frac}` : ''}Z`;
    out.push({ stream: stream === 'stderr' ? 'stderr' : 'stdout', log: partial ? line : `${line}\n`, time });
  }
  return out;
}
