// Issue 16: without root, without a daemon, or on macOS, each real-host command of the built bin
// says in one screen what is missing and what would work, and exits 2 — never a stack trace.
// macOS is simulated by giving the bin's Node process.platform 'darwin' before it starts; no root
// by setpriv to nobody; no daemon by OVERLAY_TUTOR_DOCKERD=none (the private one) or a DOCKER_HOST
// where nothing answers (the user's own). Nothing here starts a daemon.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExecutable } from '../../src/real/probe.js';

const BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const AS_MACOS = 'data:text/javascript,Object.defineProperty(process,"platform",{value:"darwin"})';
const setpriv = findExecutable('setpriv');
const root = process.getuid?.() === 0;

let dir: string;
let script: string;
beforeAll(() => {
  dir = mkdtempSync('/tmp/ot-cannot-run-');
  chmodSync(dir, 0o755);
  script = join(dir, 's.sh');
  writeFileSync(script, 'docker pull busybox\n', { mode: 0o644 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COMMANDS: Record<string, () => string[]> = {
  '--real': () => ['--real'],
  'sandbox --real': () => ['sandbox', '--real'],
  'sandbox --real=system': () => ['sandbox', '--real=system'],
  'replay FILE --real': () => ['replay', script, '--real'],
  'replay FILE --real=system': () => ['replay', script, '--real=system'],
};

function run(args: string[], o: { env?: NodeJS.ProcessEnv; node?: string[]; prefix?: string[] } = {}) {
  const argv = [...(o.node ?? []), BIN, ...args];
  const [cmd, ...rest] = o.prefix ? [...o.prefix, process.execPath, ...argv] : [process.execPath, ...argv];
  return spawnSync(cmd!, rest, {
    encoding: 'utf8',
    timeout: 120_000,
    input: '',
    env: {
      PATH: process.env.PATH,
      HOME: '/nonexistent',
      LANG: 'C.UTF-8',
      DOCKER_HOST: `unix://${dir}/nothing.sock`,
      OVERLAY_TUTOR_REAL_DIR: join(dir, 'real'),
      OVERLAY_TUTOR_SYSTEM_DIR: join(dir, 'system'),
      ...o.env,
    },
  });
}

/** One screen: what stops it, the machine, what would work; 80x24 with the prompt under it. */
function expectOneScreen(r: ReturnType<typeof run>, missing: RegExp) {
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at |Error:/);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(2);
  const screen = r.stdout.slice(r.stdout.indexOf('Preflight: overlay-tutor'));
  expect(screen).toMatch(/^Preflight: overlay-tutor --real(=system)? cannot run here\.\n/);
  expect(screen).toMatch(missing);
  expect(screen).toMatch(/^This machine: /m);
  expect(screen).toMatch(
    /What would work:\n(.*\n)* {2}✓ overlay-tutor, overlay-tutor sandbox: the lessons on the simulated/,
  );
  const rows = screen.replace(/\n$/, '').split('\n');
  expect(rows.length).toBeLessThanOrEqual(23);
  expect(Math.max(...rows.map((l) => [...l].length))).toBeLessThanOrEqual(79);
}

describe('on macOS', () => {
  it.each(Object.keys(COMMANDS))('%s: needs Linux', (name) => {
    const r = run(COMMANDS[name]!(), { node: ['--import', AS_MACOS] });
    expectOneScreen(r, /cannot run here\.\n {2}✗ needs Linux: on darwin /);
  });
});

describe.runIf(root && setpriv)('without root', () => {
  it.each(['--real', 'sandbox --real', 'sandbox --real=system', 'replay FILE --real'])('%s: needs root', (name) => {
    const r = run(COMMANDS[name]!(), { prefix: [setpriv!, '--reuid=65534', '--regid=65534', '--clear-groups'] });
    expectOneScreen(r, /cannot run here\.\n( {2}✗ .*\n)* {2}✗ needs root/);
  });
});

describe.runIf(process.platform === 'linux')('without a daemon', () => {
  it('replay FILE --real, no dockerd: needs one, the kernel mode offered', () => {
    const r = run(COMMANDS['replay FILE --real']!(), { env: { OVERLAY_TUTOR_DOCKERD: 'none' } });
    expectOneScreen(r, /cannot run here\.\n( {2}✗ .*\n)* {2}✗ OVERLAY_TUTOR_DOCKERD=none: no dockerd is started/);
    if (root) expect(r.stdout).toMatch(/ {2}✓ --real=kernel: the sandbox and the lessons about overlay itself/);
  });
  it('sandbox --real, no dockerd: the kernel sandbox as root (saying why), else one screen', () => {
    const r = run(COMMANDS['sandbox --real']!(), { env: { OVERLAY_TUTOR_DOCKERD: 'none' } });
    if (!root) return expectOneScreen(r, /cannot run here\.\n( {2}✗ .*\n)* {2}✗ /);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(r.status).toBe(0);
    expect(r.stdout.replace(/\n +/g, ' ')).toMatch(
      /The sandbox: the real kernel alone, no Docker \(no private dockerd can start here: OVERLAY_TUTOR_DOCKERD=none/,
    );
  });
  it.each(['sandbox --real=system', 'replay FILE --real=system'])('%s, nothing at DOCKER_HOST', (name) => {
    const r = run(COMMANDS[name]!());
    expectOneScreen(r, /cannot run here\.\n( {2}✗ .*\n)* {2}✗ (no daemon answered|DOCKER_HOST=\S+ did not answer)/);
    expect(r.stdout).toMatch(/DOCKER_HOST unix:\/\/\S+nothing\.sock: ENOENT/);
  });
  it('--real with neither dockerd nor root: nothing runs for real', () => {
    if (!root || !setpriv) return;
    const r = run(COMMANDS['--real']!(), {
      env: { OVERLAY_TUTOR_DOCKERD: 'none' },
      prefix: [setpriv, '--reuid=65534', '--regid=65534', '--clear-groups'],
    });
    expectOneScreen(r, /✗ needs root/);
  });
});
