// Issue 12's hangs: every line that used to freeze the tutor stops, with its tool's message, within
// the learner's slice, and Ctrl-C (the AbortSignal the screen fires) stops any line at once. The
// session answers the next line as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Budget, BudgetExceeded, DEFAULT_BUDGET } from '../../../src/kernel/index.js';
import { createSimHost } from '../../../src/host/sim-host.js';
import type { CommandIO } from '../../../src/shell/command.js';

const LEARNER = { ...DEFAULT_BUDGET };
let saved = { ...DEFAULT_BUDGET };
beforeEach(() => {
  saved = { ...DEFAULT_BUDGET };
  // The learner's limits, not the roomy ones unit tests get (test/support/budget.ts).
  Object.assign(DEFAULT_BUDGET, { sliceMs: 500, ms: 15_000 });
});
afterEach(() => {
  Object.assign(DEFAULT_BUDGET, saved);
});
void LEARNER;

async function session(budget?: Partial<typeof DEFAULT_BUDGET>) {
  const host = createSimHost({ seed: 1 });
  if (budget) Object.assign(DEFAULT_BUDGET, budget);
  const dec = new TextDecoder();
  // A screen's line: it has a signal (never fired here unless a test aborts it), so the learner's slice holds.
  const run = async (line: string, signal: AbortSignal = new AbortController().signal) => {
    let out = '';
    let err = '';
    const io: CommandIO = {
      stdin: new Uint8Array(),
      stdout: (d) => void (out += typeof d === 'string' ? d : dec.decode(d)),
      stderr: (d) => void (err += typeof d === 'string' ? d : dec.decode(d)),
      stdinIsTerminal: true,
      stdoutIsTerminal: true,
      signal,
    };
    const start = performance.now();
    const r = await host.session.run(line, io);
    return { out, err, code: r.exitCode, ms: performance.now() - start };
  };
  return { host, run };
}

const A = 'a'.repeat(40);

describe("lines that froze the tutor stop by themselves, with their tool's message", () => {
  const cases: [string, RegExp][] = [
    ["echo x | sed ':a;s/x/xx/;ta'", /^sed: stopped after 0\.5 seconds of work/],
    ["jq -n 'last(range(1e12))'", /^jq: stopped after 0\.5 seconds of work/],
    ["jq -n 'def f: f; f'", /^jq: stopped after 0\.5 seconds of work/],
    ["awk 'BEGIN { while (1) print }'", /^awk: stopped after/],
    ["awk 'BEGIN { while (1) print }' | wc -c", /^awk: stopped after 0\.5 seconds of work/],
  ];
  for (const [line, message] of cases) {
    it(line.slice(0, 60), async () => {
      const { run } = await session();
      await run("jq -n '1'"); // jq's module loaded, as in a session that used it before
      const r = await run(line);
      expect(r.err).toMatch(message);
      expect(r.code).toBe(130);
      expect(r.ms).toBeLessThan(2000);
      expect(await run('echo next')).toMatchObject({ out: 'next\n', code: 0 });
      if (line.startsWith('jq')) {
        // A fresh WebAssembly instance answers (with room for its first compile on a busy machine).
        DEFAULT_BUDGET.sliceMs = 10_000;
        expect((await run("jq -n -M '1+1'")).out).toBe('2\n');
      }
    });
  }

  it("echo a…a! | grep -E '^(a+)+$' answers at once with no match, as GNU grep does (it froze the tutor)", async () => {
    const { run } = await session();
    const r = await run(`echo ${A}! | grep -E '^(a+)+$'`);
    expect(r).toMatchObject({ out: '', err: '', code: 1 });
    expect(r.ms).toBeLessThan(2000);
  });

  it('cp -r / /copy refuses to copy a directory into itself (it compared against `//`)', async () => {
    const { run } = await session();
    const r = await run('cp -r / /copy');
    expect(r.err).toBe("cp: cannot copy a directory, '/', into itself, '/copy'\n");
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(2000);
  });

  it('a copy of a large tree is stopped by the budget, not left to run', async () => {
    const { run } = await session({ sliceMs: 2 });
    await run('mkdir -p /big && cd /big && for i in $(seq 300); do mkdir d$i; touch d$i/a d$i/b d$i/c; done');
    const r = await run('cp -r /big /big2');
    expect(r.err).toMatch(/^cp: stopped after 0\.0 seconds of work \(an endless loop\?\)\n$/);
    expect(r.code).toBe(130);
  });

  it('an endless shell loop stops at the step limit', async () => {
    const { run } = await session();
    const r = await run('while :; do :; done');
    expect(r.err).toBe('bash: stopped after 20000 commands in one line (an endless command loop?)\n');
  });

  it('a line that writes without end stops at the output limit', async () => {
    const { run } = await session({ outputBytes: 1 << 20, steps: 1e9 });
    const r = await run('while :; do echo yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy; done');
    expect(r.err).toBe("bash: stopped after writing 1 MB, the tutor's limit for one line\n");
    expect(r.out.length).toBeLessThanOrEqual(1 << 20);
  });

  it("a loop within the step limit but past the line's time stops there", async () => {
    const { run } = await session({ ms: 300, steps: 1e9 });
    const r = await run('while :; do :; done');
    expect(r.err).toBe('bash: stopped after 0.3 seconds (an endless loop?)\n');
    expect(r.ms).toBeLessThan(1000);
  });
});

describe("Ctrl-C (the screen aborts the line's signal)", () => {
  for (const line of ['while :; do :; done', 'for i in $(seq 20000); do echo $i; done | wc -l']) {
    it(`stops ${line} at once, prints ^C, and the next line runs`, async () => {
      const { run } = await session({ steps: 1e9 });
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 100);
      const r = await run(line, ac.signal);
      expect(r.out.endsWith('^C\n'), JSON.stringify([r.out.slice(-50), r.err])).toBe(true);
      expect(r.code).toBe(130);
      expect(r.ms).toBeLessThan(400);
      expect(await run('echo next')).toMatchObject({ out: 'next\n', code: 0 });
    });
  }

  it('keeps what the line did before it (the host is not rebuilt)', async () => {
    const { run } = await session({ steps: 1e9 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    await run('mkdir /kept; while :; do touch /kept/f; done', ac.signal);
    expect((await run('ls /kept')).out).toBe('f\n');
  });
});

describe('docker build', () => {
  it('refuses a Dockerfile line of 64 KiB as dockerd 20.10 does (an 8 MB RUN line took minutes)', async () => {
    const { host, run } = await session();
    host.rootProc.mkdir('/b', 0o755);
    host.rootProc.writeFile('/b/Dockerfile', `FROM busybox\nRUN echo ${'a'.repeat(8 << 20)}\n`, { create: true });
    const r = await run('docker build /b');
    // Measured against dockerd 20.10.24 (bufio.Scanner's 64 KiB token): the context is sent first.
    expect(r.out, JSON.stringify(r.out)).toMatch(/^Sending build context to Docker daemon {2}8\.391MB\r\r\n$/);
    expect(r.err).toBe(
      'Error response from daemon: failed to parse Dockerfile: dockerfile line greater than max allowed size of 65535\n',
    );
    expect(r.ms).toBeLessThan(2000);
  });

  it('a build of 3,000 ENV steps stops on Ctrl-C between steps', async () => {
    const { run } = await session();
    await run(
      'mkdir /b && cd /b && { echo \'FROM busybox\'; for i in $(seq 3000); do echo "ENV V$i=$i"; done; } > Dockerfile',
    );
    await run('docker pull busybox');
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 500);
    const r = await run('docker build -t many /b', ac.signal);
    expect(r.out, JSON.stringify([r.out.slice(-100), r.err, r.code, r.ms])).toMatch(
      /Step \d+\/3001 : ENV V\d+=\d+\n[\s\S]*\^C\n$/,
    );
    expect(r.code).toBe(130);
    expect(r.ms).toBeLessThan(1500);
    expect((await run('docker images -q many')).out).toBe('');
  });
});

describe('Budget', () => {
  it('sync() stops a stretch that never counts (a backtracking regex) after its slice', async () => {
    const b = new Budget({ sliceMs: 100 });
    const start = performance.now();
    let caught: unknown;
    try {
      b.sync(() => /^(a+)+$/.test(`${A}!`));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(BudgetExceeded);
    expect((caught as BudgetExceeded).reason).toBe('slice');
    expect(performance.now() - start).toBeLessThan(600);
    // Once the event loop has turned (the screen has had its keys), a new slice begins.
    await new Promise((resolve) => setImmediate(resolve));
    expect(b.sync(() => 42)).toBe(42);
  });

  it('an aborted signal stops the next tick', () => {
    const ac = new AbortController();
    const b = new Budget({}, ac.signal);
    ac.abort();
    expect(() => {
      for (let i = 0; i < 1000; i++) b.tick();
    }).toThrow(BudgetExceeded);
  });

  it('memory growth past the limit stops the command', () => {
    let heap = 0;
    let now = 0;
    const b = new Budget({ memoryBytes: 1000 }, undefined, { heapUsed: () => heap, now: () => (now += 25) });
    b.check();
    heap = 2000;
    expect(() => b.check()).toThrow(/out of memory/);
  });
});
