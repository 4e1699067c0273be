// The side-by-side view of predict-then-verify (F2 on a real host): two columns within the width
// at 80 and 120 columns, in both languages, each differing row marked ≠ and no agreeing one, the
// count of agreeing lines and the known reasons; on the screen, F2 opens it over a host that has
// a comparison and F2 closes it, while a host without one (the simulator) ignores F2.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { STRINGS } from '../../src/i18n/index.js';
import { type Comparison, compareLine } from '../../src/real/compare.js';
import { App } from '../../src/ui/app.js';
import { CompareView, compareScrollMax, compareViewRows } from '../../src/ui/compare-view.js';
import { EMPTY_PANES, type ScreenHost } from '../../src/ui/screen-host.js';
import { Screen } from '../../src/ui/screen.js';
import { textWidth } from '../../src/ui/text-width.js';

const ID_SIM = '1'.repeat(64);
const ID_REAL = '2'.repeat(64);

const comparison: Comparison = compareLine(
  {
    line: "docker run --name c1 bb busybox sh -c 'echo hi > /hi.txt'",
    container: 'c1',
    sim: {
      output: `${ID_SIM}\n`,
      exitCode: 0,
      upper: ['+ hi.txt'],
      diff: ['A /hi.txt'],
      events: ['mount overlay on overlay2/0123456789ab/merged'],
    },
    real: {
      output: `${ID_REAL}\nexec busybox: exec format error\n`,
      exitCode: 1,
      upper: [],
      diff: [],
    },
  },
  { dockerVersion: '20.10.24+dfsg1', kernel: '6.1.0-18-amd64' },
);

describe.each(['en', 'zh-CN'] as const)('the comparison view (%s)', (lang) => {
  const s = STRINGS[lang];
  it.each([76, 116])('lays two columns within %i columns, marking each row that differs', (width) => {
    const rows = compareViewRows(comparison, width, s);
    for (const r of rows) expect(textWidth(r), r).toBeLessThanOrEqual(width);
    expect(rows[0]).toContain(s.compare.sim);
    expect(rows[0]).toContain(s.compare.real);
    // The exit status differs: marked. The id printed by both: one unmarked row, both columns.
    expect(rows[1]).toMatch(/^≠ /);
    const idRow = rows.find((r) => r.includes('<id1>'));
    expect(idRow).toMatch(/^ {2}<id1> +│ <id1>$/);
    const marked = rows.filter((r) => r.startsWith('≠'));
    // The exit row, the real side's error, upper's and docker diff's line only the simulator has.
    expect(marked).toHaveLength(4);
    expect(marked.some((r) => /│ exec busybox: exec format error$/.test(r))).toBe(true);
    expect(marked.some((r) => /^≠ \+ hi\.txt +│ *$/.test(r))).toBe(true);
    expect(rows).toContain(`  ${s.compare.agree(1, 4)}`);
    const squash = (t: string) => t.replace(/\s+/g, '');
    expect(squash(rows.join(''))).toContain(squash(s.compare.reason({ id: 'stand-in' })).slice(0, 16));
    expect(rows.join('\n')).toContain('mount overlay on overlay2/0123456789ab/merged');
  });

  it('says what to do before any line ran', () => {
    expect(compareViewRows(undefined, 76, s).join(' ')).toContain(s.compare.none.split(' ')[0]);
  });

  it('fits 80x24 as a box, scrolls when taller, and never runs past the width', () => {
    const f = render(<CompareView comparison={comparison} s={s} width={80} height={24} />).lastFrame() ?? '';
    const lines = f.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(80);
    expect(f).toContain('≠');
    expect(compareScrollMax(comparison, s, 80, 24)).toBe(0);
    const max = compareScrollMax(comparison, s, 80, 10);
    expect(max).toBeGreaterThan(0);
    const end = render(<CompareView comparison={comparison} s={s} width={80} height={10} scroll={max} />);
    expect(end.lastFrame()).toContain('overlay2/0123456789ab/merged');
  });
});

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function fakeHost(withCompare: boolean): ScreenHost {
  let ran = false;
  return {
    prompt: () => 'root@real:~# ',
    async run(_line, io) {
      io.stdout('printed for real\n');
      ran = true;
      return { exitCode: 0, exited: false };
    },
    complete: () => ({ from: 0, candidates: [], common: '' }),
    panes: () => EMPTY_PANES,
    log: () => [],
    pulls: () => [],
    dispose: () => {},
    ...(withCompare ? { compare: () => (ran ? comparison : undefined) } : {}),
  };
}

async function screenWith(host: ScreenHost) {
  const r = render(<App load={async () => ({ host, Screen })} s={STRINGS.en} pullMs={0} />);
  cleanup = r.unmount;
  const frame = () => r.lastFrame() ?? '';
  const until = async (pred: (f: string) => boolean, what: string) => {
    for (let i = 0; i < 300 && !pred(frame()); i++) await new Promise((res) => setTimeout(res, 20));
    if (!pred(frame())) throw new Error(`timed out waiting for ${what}:\n${frame()}`);
  };
  const settle = () => new Promise((res) => setTimeout(res, 100));
  return { r, frame, until, settle };
}

describe('F2 on the screen', () => {
  it('opens the comparison of the last line on a real host and closes it again', async () => {
    const { r, frame, until, settle } = await screenWith(fakeHost(true));
    await until((f) => f.includes('root@real:~#'), 'the prompt');
    await settle();
    r.stdin.write('\u001bOQ');
    await until((f) => f.includes(STRINGS.en.compare.none.slice(0, 20)), 'the view before any line');
    await settle();
    r.stdin.write('\u001bOQ');
    await until((f) => f.includes('root@real:~#'), 'the prompt again');
    await settle();
    r.stdin.write('echo hi\r');
    await until((f) => f.includes('printed for real'), 'the output');
    await settle();
    r.stdin.write('\u001b[12~');
    await until((f) => f.includes('Predict, then verify: $ docker run --name c1'), 'the comparison');
    expect(frame()).toContain('≠');
    await settle();
    r.stdin.write('x');
    await until((f) => f.includes('printed for real') && !f.includes('Predict, then verify'), 'closed by a key');
  });

  it('is listed in the help on a real host only', async () => {
    const { r, until, settle } = await screenWith(fakeHost(true));
    await until((f) => f.includes('root@real:~#'), 'the prompt');
    await settle();
    r.stdin.write('\u001bOP');
    await until((f) => f.includes('F2') && f.includes('predict, then verify'), 'the help with F2');
    r.unmount();
    const sim = await screenWith(fakeHost(false));
    await sim.until((f) => f.includes('root@real:~#'), 'the prompt');
    await sim.settle();
    sim.r.stdin.write('\u001bOQ');
    await sim.settle();
    expect(sim.frame()).not.toContain('Predict, then verify');
    sim.r.stdin.write('\u001bOP');
    await sim.until((f) => f.includes('Ctrl-L'), 'the help');
    expect(sim.frame()).not.toContain('predict, then verify');
  });
});

describe('two long lines that differ past the column', () => {
  it('are shown from a little before where they part', () => {
    const head = 'CONTAINER-LINE '.repeat(5);
    const c = compareLine(
      {
        line: 'docker ps -a',
        sim: { output: `${head}Up 2 seconds\n`, exitCode: 0, upper: [] },
        real: { output: `${head}Exited (1) 1 second ago\n`, exitCode: 0, upper: [] },
      },
      { dockerVersion: '20.10.24', kernel: '6.1.0' },
    );
    const rows = compareViewRows(c, 76, STRINGS.en).filter((r) => r.startsWith('≠'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^≠ …ER-LINE Up <duration> +│ …ER-LINE Exited \(1\) <ago>$/);
  });
});
