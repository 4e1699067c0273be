// docker import --change and docker commit --change: moby's dockerfile.BuildFromConfig, which
// reads each change as a Dockerfile line and applies the ones a commit may carry (CMD,
// ENTRYPOINT, ENV, EXPOSE, HEALTHCHECK, LABEL, ONBUILD, USER, VOLUME, WORKDIR) to a config.
// Anything else is "<instruction> is not a valid change command", as the daemon answers.
import type { ContainerConfig, HealthConfig } from '../image-config.js';
import { parseEnvArgs, parseExecOrShell } from './instructions.js';

/** What the daemon answers a change it cannot apply with (a 400). */
export class ChangeError extends Error {}

const VALID = new Set([
  'cmd',
  'entrypoint',
  'healthcheck',
  'env',
  'expose',
  'label',
  'onbuild',
  'user',
  'volume',
  'workdir',
]);

/** A Go duration ("30s", "1m30s") in nanoseconds, or undefined. */
function goDuration(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(text)) return undefined;
  const unit: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  let ns = 0;
  for (const [, n, u] of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) ns += Number(n) * (unit[u ?? ''] ?? 0);
  return Math.round(ns);
}

/** nat.ParsePortSpecs of EXPOSE's words: "80" is 80/tcp, "8000-8002/udp" three ports. */
function exposedPorts(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const [range = '', proto = 'tcp'] = w.split('/');
    const m = /^(\d+)(?:-(\d+))?$/.exec(range);
    if (!m) throw new ChangeError(`Invalid containerPort: ${range}`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) throw new ChangeError(`invalid range specified for container port: ${range}`);
    for (let p = from; p <= to; p++) out.push(`${p}/${proto.toLowerCase()}`);
  }
  return out;
}

function execOrShell(raw: string): string[] {
  const parsed = parseExecOrShell(raw);
  return parsed.exec ?? ['/bin/sh', '-c', parsed.shell as string];
}

/** HEALTHCHECK [--interval=… --timeout=… --start-period=… --retries=…] CMD …|NONE. */
function healthcheck(raw: string): HealthConfig {
  let rest = raw.trim();
  const health: HealthConfig = {};
  for (;;) {
    const m = /^--([a-z-]+)=(\S*)\s*/.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
    const [, flag = '', value = ''] = m;
    if (flag === 'retries') {
      if (!/^\d+$/.test(value)) throw new ChangeError(`strconv.ParseInt: parsing "${value}": invalid syntax`);
      health.Retries = Number(value);
      continue;
    }
    const key = { interval: 'Interval', timeout: 'Timeout', 'start-period': 'StartPeriod' }[flag] as
      | 'Interval'
      | 'Timeout'
      | 'StartPeriod'
      | undefined;
    if (!key) throw new ChangeError(`Unknown flag: ${flag}`);
    const ns = goDuration(value);
    if (ns === undefined) throw new ChangeError(`time: invalid duration "${value}"`);
    health[key] = ns;
  }
  const [word = '', ...more] = rest.split(/\s+/);
  const args = rest.slice(word.length).trim();
  if (word.toUpperCase() === 'NONE') {
    if (more.length) throw new ChangeError('HEALTHCHECK NONE takes no arguments');
    return { Test: ['NONE'] };
  }
  if (word.toUpperCase() !== 'CMD')
    throw new ChangeError(`Unknown type "${word.toUpperCase()}" in HEALTHCHECK (try CMD)`);
  const parsed = parseExecOrShell(args);
  return { ...health, Test: parsed.exec ? ['CMD', ...parsed.exec] : ['CMD-SHELL', parsed.shell as string] };
}

/** filepath.Join of the current WORKDIR and a relative one. */
function workdir(current: string, requested: string): string {
  if (requested === '') throw new ChangeError('cannot normalize nothing');
  const joined = requested.startsWith('/') ? requested : `${current || '/'}/${requested}`;
  const parts: string[] = [];
  for (const p of joined.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/** The config with the changes applied, or a ChangeError with the daemon's words. */
export function applyConfigChanges(base: ContainerConfig, changes: readonly string[]): ContainerConfig {
  if (changes.length === 0) return base;
  const lines = changes
    .join('\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const parsed = lines.map((line) => {
    const word = /^\S+/.exec(line)?.[0] ?? '';
    return { keyword: word.toLowerCase(), raw: line.slice(word.length).trim() };
  });
  // Every change is checked before any is applied.
  for (const { keyword } of parsed)
    if (!VALID.has(keyword)) throw new ChangeError(`${keyword} is not a valid change command`);
  const config: ContainerConfig = structuredClone(base);
  let cmdSet = false;
  for (const { keyword, raw } of parsed) {
    switch (keyword) {
      case 'cmd':
        config.Cmd = execOrShell(raw);
        if (config.Cmd.length) cmdSet = true;
        break;
      case 'entrypoint':
        config.Entrypoint = execOrShell(raw);
        if (!cmdSet) config.Cmd = null;
        break;
      case 'env': {
        const env = [...(config.Env ?? [])];
        for (const [k, v] of parseEnvArgs(raw)) {
          const at = env.findIndex((e) => e.split('=')[0] === k);
          if (at >= 0) env[at] = `${k}=${v}`;
          else env.push(`${k}=${v}`);
        }
        config.Env = env;
        break;
      }
      case 'label':
        config.Labels = { ...(config.Labels ?? {}), ...Object.fromEntries(parseEnvArgs(raw)) };
        break;
      case 'expose': {
        const ports = exposedPorts(raw.split(/\s+/).filter(Boolean));
        config.ExposedPorts = { ...(config.ExposedPorts ?? {}), ...Object.fromEntries(ports.map((p) => [p, {}])) };
        break;
      }
      case 'user':
        config.User = raw;
        break;
      case 'workdir':
        config.WorkingDir = workdir(config.WorkingDir ?? '', raw);
        break;
      case 'volume': {
        const p = parseExecOrShell(raw);
        const paths = p.exec ?? (p.shell ?? '').split(/\s+/).filter(Boolean);
        if (paths.length === 0 || paths.some((v) => v.trim() === ''))
          throw new ChangeError('VOLUME specified can not be an empty string');
        config.Volumes = { ...(config.Volumes ?? {}), ...Object.fromEntries(paths.map((v) => [v, {}])) };
        break;
      }
      case 'onbuild': {
        const inner = (/^\S+/.exec(raw)?.[0] ?? '').toUpperCase();
        if (inner === 'ONBUILD') throw new ChangeError("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        if (inner === 'FROM' || inner === 'MAINTAINER')
          throw new ChangeError(`${inner} isn't allowed as an ONBUILD trigger`);
        config.OnBuild = [...(config.OnBuild ?? []), raw];
        break;
      }
      case 'healthcheck':
        config.Healthcheck = healthcheck(raw);
        break;
    }
  }
  return config;
}
