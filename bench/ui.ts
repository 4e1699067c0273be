// The screen's speed: time to first frame of the bundled bin against a minimal Ink app bundled
// the same way and the same app unbundled (each started in a pseudo-terminal by `script`, timed
// until its prompt appears); and the latency of a command plus the re-render it causes, with 10
// containers on the host, measured in-process on the real App component and Ink's real renderer.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { BenchReport } from './report.js';

const ROOT = join(import.meta.dirname, '..');

/** Ink draws only a final frame when it thinks it runs in CI (any CI or CI_* variable). */
function withoutCi(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([k]) => k !== 'CI' && k !== 'CONTINUOUS_INTEGRATION' && !k.startsWith('CI_')),
  );
}

/** ms from spawn until `marker` shows on the pty, or undefined on a timeout. */
export function firstFrame(command: string, marker: string, env: NodeJS.ProcessEnv = {}): Promise<number | undefined> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    // `script` gives its pty no size (0x0, on which Ink clears the screen for every frame):
    // stty sets 80x24 first, for every contender alike.
    const child = spawn('script', ['-qfec', `stty rows 24 cols 80; exec ${command}`, '/dev/null'], {
      cwd: ROOT,
      env: withoutCi({ ...process.env, TERM: 'xterm-256color', ...env }),
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let seen = '';
    const done = (v: number | undefined) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      // The app under the pty gets SIGHUP but finishes what it is doing first (the tutor is
      // loading its simulator just after its first frame): let it die before the next run, or
      // that run shares the CPU with it.
      setTimeout(() => resolve(v), 400);
    };
    const timer = setTimeout(() => done(undefined), 15_000);
    child.stdout.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.includes(marker)) done(performance.now() - t0);
    });
  });
}

/** The median of `runs` timings of each contender, run in turns. */
async function interleavedMedians<K extends string>(
  runs: number,
  contenders: Record<K, () => Promise<number | undefined>>,
): Promise<Record<K, number>> {
  const xs = Object.fromEntries(Object.keys(contenders).map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < runs; i++) {
    for (const k of Object.keys(contenders) as K[]) {
      const v = await contenders[k]();
      if (v !== undefined) xs[k].push(v);
    }
  }
  // A contender whose marker never showed measured nothing: say so, never print NaN as a figure.
  const median = (k: string, v: number[]) => {
    if (v.length === 0) throw new Error(`bench: ${k} never showed its marker in ${runs} runs (15 s each)`);
    return v.sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
  };
  return Object.fromEntries(Object.entries(xs).map(([k, v]) => [k, median(k, v as number[])])) as Record<K, number>;
}

/** A terminal for Ink in this process: 80x24, raw-mode stdin, every write kept. */
function fakeTerminal() {
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows: 24 });
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: () => stdin,
    ref: () => stdin,
    unref: () => stdin,
  });
  let last = '';
  let waiting: { test: (frame: string) => boolean; done: () => void } | undefined;
  stdout.on('data', (d: Buffer) => {
    last += d.toString();
    // Keep only the newest frame.
    const i = last.lastIndexOf('\u001b[?2026h');
    if (i > 0) last = last.slice(i);
    if (waiting?.test(last)) {
      const { done } = waiting;
      waiting = undefined;
      done();
    }
  });
  /** Resolves when a frame passes `test`, as Ink writes it: no polling that takes the CPU from
   * the renderer it waits for. */
  const frameWhere = (test: (frame: string) => boolean, what: string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (test(last)) return resolve();
      const timer = setTimeout(() => reject(new Error(`bench: no frame showed ${what} in 30 s`)), 30_000);
      waiting = {
        test,
        done: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
  return { stdout, stdin, frame: () => last, frameWhere };
}

/** Commands timed on the screen; the percentiles are taken over all of them. */
const COMMANDS = 100;

/** One command's wall time from Enter to its frame, and the process's CPU time meanwhile. */
export interface CommandTiming {
  ms: number;
  cpuMs: number;
}

/**
 * From Enter to the frame that shows the command's effect in the upper pane, through Ink's real
 * renderer (throttled as the bin runs it) on a fake 80x24 terminal, with 10 containers: the wall
 * time, and the process's CPU time over it (which a loaded machine stretches far less).
 */
export async function commandLatency(): Promise<CommandTiming[]> {
  // Production React, as in the bin (React picks its build when first loaded, which is here).
  process.env.NODE_ENV = 'production';
  const React = await import('react');
  const { render } = await import('ink');
  const { createSimHost } = await import('../src/host/sim-host.js');
  const { STRINGS } = await import('../src/i18n/index.js');
  const { App } = await import('../src/ui/app.js');
  const { Screen } = await import('../src/ui/screen.js');
  const { SCREEN_RENDER_OPTIONS } = await import('../src/ui/run.js');
  const host = createSimHost({ seed: 9 });
  const quiet = {
    stdin: new Uint8Array(0),
    stdout: () => {},
    stderr: () => {},
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
  };
  await host.session.run('docker pull nginx', quiet);
  for (let i = 0; i < 10; i++) await host.session.run(`docker run -d --name c${i} nginx`, quiet);
  const { screenHostFor } = await import('../src/ui/screen-host-sim.js');
  const screenHost = screenHostFor(host);
  const term = fakeTerminal();
  const app = render(
    React.createElement(App, { load: () => Promise.resolve({ host: screenHost, Screen }), s: STRINGS.en }),
    {
      ...SCREEN_RENDER_OPTIONS,
      stdout: term.stdout as unknown as NodeJS.WriteStream,
      stdin: term.stdin as unknown as NodeJS.ReadStream,
      stderr: term.stdout as unknown as NodeJS.WriteStream,
      patchConsole: false,
    },
  );
  const settle = () => new Promise((res) => setTimeout(res, 60));
  // The Screen, not the first frame, takes the keys: its status line says what is in focus. (Keys
  // typed while one replaces the other could be lost, and the bench then waited for ever.)
  await term.frameWhere((f) => f.includes('in focus: c9'), 'the Screen');
  await settle();
  const times: CommandTiming[] = [];
  for (let i = 0; i < COMMANDS; i++) {
    const typed = `docker exec c${i % 10} sh -c 'echo m${i}x > /tmp/f${i}'`;
    term.stdin.write(typed);
    // The line as typed is on the screen before Enter: its render is not the command's.
    await term.frameWhere((f) => f.includes(typed), 'the typed line');
    await settle();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    term.stdin.write('\r');
    // Done when the frame shows the new file in the container layer's pane.
    // (The typed line holds "/tmp/f<i>" too: wait for the pane row "+ f<i>", drawn after the run.)
    const row = new RegExp(`\\+\\s+f${i}\\b`);
    await term.frameWhere((f) => row.test(f), `the row + f${i}`);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    times.push({ ms, cpuMs: (cpu.user + cpu.system) / 1000 });
    await settle();
  }
  app.unmount();
  return times;
}

/** The q-quantile of `xs` (nearest rank). */
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

export async function benchUi(report: BenchReport): Promise<void> {
  const group = 'screen';
  if (spawnSync('script', ['--version']).status !== 0) {
    report.skip(group, 'time to first frame', 'util-linux `script` (a pty) is not installed');
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'ot-bench-ui-'));
    try {
      // The baseline is bundled the same way as the bin: the same esbuild options and the same
      // start-up plugins (which any Ink app can use). A stock bundle, without them, is shown too.
      const bundled = join(dir, 'minimal-ink.mjs');
      const stock = join(dir, 'minimal-ink-stock.mjs');
      const options = {
        entryPoints: [join(ROOT, 'bench/fixtures/minimal-ink.mjs')],
        bundle: true,
        platform: 'node' as const,
        format: 'esm' as const,
        target: 'node20',
        minify: true, // as the bin is
        alias: {
          'react-devtools-core': join(ROOT, 'scripts/empty-module.mjs'),
          ws: join(ROOT, 'scripts/empty-module.mjs'),
        },
        define: { 'process.env.NODE_ENV': '"production"' },
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
        logLevel: 'error' as const,
      };
      const { inkStartupPlugins } = (await import(
        pathToFileURL(join(ROOT, 'scripts/ink-startup-plugins.mjs')).href
      )) as { inkStartupPlugins: Plugin[] };
      await build({ ...options, outfile: bundled, plugins: inkStartupPlugins });
      await build({ ...options, outfile: stock });
      // The same app carrying the bin's packed simulator (the comment at the bin's end, which every
      // start reads and skips): what one file costs, apart from the tutor's own code.
      const carrying = join(dir, 'minimal-ink-carrying.mjs');
      const bin = readFileSync(join(ROOT, 'dist/cli.js'), 'latin1');
      writeFileSync(
        carrying,
        `${readFileSync(bundled, 'latin1')}\n${bin.slice(bin.lastIndexOf('/*overlay-tutor simulator:'))}`,
        'latin1',
      );
      // The lesson map reads no progress of the machine's user: a fresh config folder.
      const fresh = { XDG_STATE_HOME: join(dir, 'state'), XDG_CONFIG_HOME: join(dir, 'config'), LANG: 'en_US.UTF-8' };
      // Interleaved, so that a slow moment of the machine falls on every contender alike.
      const runs = 15;
      const contenders = {
        // The tutor's first frame is its prompt and status line; the layout and the panes follow
        // once the simulator has loaded (the sandbox's hint is then on the screen).
        tutor: () => firstFrame('node dist/cli.js sandbox', 'root@host:~#'),
        tutorPrompt: () => firstFrame('node dist/cli.js sandbox', 'Nothing in focus yet'),
        // The default mode: the lesson map drawn under the prompt that has taken keys since the
        // first frame (the map's last line is its invitation to type).
        lessonMap: () => firstFrame('node dist/cli.js', 'Type a lesson number', fresh),
        minimalBundled: () => firstFrame(`node ${bundled}`, 'root@host:~#'),
        minimalCarrying: () => firstFrame(`node ${carrying}`, 'root@host:~#'),
        minimalStock: () => firstFrame(`node ${stock}`, 'root@host:~#'),
        minimalUnbundled: () => firstFrame('node bench/fixtures/minimal-ink.mjs', 'root@host:~#'),
      };
      const times = await interleavedMedians(runs, contenders);
      const { tutor, tutorPrompt, lessonMap, minimalBundled, minimalCarrying, minimalStock, minimalUnbundled } = times;
      report.add(group, 'first frame: overlay-tutor (bundled bin)', tutor, 'ms');
      report.add(group, 'overlay-tutor: simulator loaded (layout and panes drawn)', tutorPrompt, 'ms');
      report.add(group, 'overlay-tutor: the lesson map drawn, taking input (the default mode)', lessonMap, 'ms');
      report.add(group, 'first frame: minimal Ink app, bundled the same way', minimalBundled, 'ms');
      report.add(group, "first frame: the same, carrying the bin's packed simulator", minimalCarrying, 'ms');
      report.add(group, 'first frame: minimal Ink app, a stock esbuild bundle', minimalStock, 'ms');
      report.add(group, 'first frame: minimal Ink app, unbundled', minimalUnbundled, 'ms');
      report.ratio(group, 'overlay-tutor / minimal bundled the same way (target ≤ 1)', tutor / minimalBundled);
      report.ratio(group, 'overlay-tutor / minimal carrying the packed simulator', tutor / minimalCarrying);
      report.ratio(group, 'overlay-tutor / minimal, stock bundle', tutor / minimalStock);
      report.ratio(group, 'lesson map usable / minimal bundled first frame (target ≤ 1.3)', lessonMap / minimalBundled);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const times = await commandLatency();
  const wall = times.map((t) => t.ms);
  const cpu = times.map((t) => t.cpuMs);
  const n = `${times.length} commands`;
  report.add(group, `command + re-render, 10 containers: median of ${n}`, quantile(wall, 0.5), 'ms');
  report.add(group, `command + re-render, 10 containers: p95 of ${n} (target < 16)`, quantile(wall, 0.95), 'ms');
  report.add(group, 'command + re-render, 10 containers: CPU time, median', quantile(cpu, 0.5), 'ms');
  report.add(group, 'command + re-render, 10 containers: CPU time, p95', quantile(cpu, 0.95), 'ms');
}
