// A line that asks (ScreenIO.ask, as --real=system's confirmation does): what it wrote so far is
// shown, its question stands in the input line in the prompt's place, Enter answers it (the
// answer is echoed after the question), and Ctrl-C answers nothing and stops the line.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { STRINGS } from '../../src/i18n/index.js';
import { Screen } from '../../src/ui/screen.js';
import type { ScreenHost } from '../../src/ui/screen-host.js';
import { screenHostFor } from '../../src/ui/screen-host-sim.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The sandbox, but `change X` shows a plan, asks, and says what it was told. */
function askingHost(): ScreenHost {
  const inner = screenHostFor(createSimHost({ seed: 1 }));
  return {
    ...inner,
    async run(line, io) {
      const m = /^change (\S+)$/.exec(line.trim());
      if (!m) return inner.run(line, io);
      io.stdout(`plan: make ${m[1]}\n`);
      const a = await io.ask?.('Run it? [y/N] ');
      io.stdout(a === undefined ? 'stopped\n' : `answer=${a}\n`);
      return { exitCode: a === 'y' ? 0 : 1, exited: false };
    },
  };
}

async function start() {
  const r = render(<Screen host={askingHost()} typedAhead={{ line: '', lines: [] }} s={STRINGS.en} />);
  cleanup = r.unmount;
  const frame = () => r.lastFrame() ?? '';
  const waitFor = async (pred: (f: string) => boolean, what: string) => {
    for (let i = 0; i < 250; i++) {
      if (pred(frame())) return frame();
      await new Promise((res) => setTimeout(res, 20));
    }
    throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
  };
  const enter = async (text: string, until: (f: string) => boolean, what: string) => {
    r.stdin.write(text);
    await waitFor((f) => f.includes(text), `"${text}" typed`);
    r.stdin.write('\r');
    return waitFor(until, what);
  };
  await waitFor((f) => f.includes('root@host:~#'), 'the prompt');
  return { frame, waitFor, enter, stdin: r.stdin };
}

/** The question stands where the prompt would: after the last prompt row, none below it. */
const asksInPromptsPlace = (f: string) => {
  const rows = f.split('\n');
  return rows.findLastIndex((l) => l.includes('Run it? [y/N]')) > rows.findLastIndex((l) => l.includes('root@host:~#'));
};

describe('a question in the input line', () => {
  it('shows the plan, asks in the prompt’s place, and Enter answers', async () => {
    const ui = await start();
    let f = await ui.enter('change v1', (x) => x.includes('Run it? [y/N]'), 'the question');
    expect(f).toContain('plan: make v1');
    expect(asksInPromptsPlace(f)).toBe(true);
    f = await ui.enter('y', (x) => x.includes('answer=y'), 'the answer');
    expect(f).toContain('Run it? [y/N] y');
    // The prompt is back, and the next line runs as a command again.
    f = await ui.enter('echo after', (x) => /^after/m.test(x), 'the next line');
    expect(f).not.toContain('answer=echo');
    const n = await ui.enter('change v2', (x) => x.split('Run it? [y/N]').length === 3, 'the second question');
    expect(asksInPromptsPlace(n)).toBe(true);
    await ui.enter('n', (x) => x.includes('answer=n'), 'no');
  });

  it('Ctrl-C answers nothing and the line goes on to its end', async () => {
    const ui = await start();
    await ui.enter('change v3', (x) => x.includes('Run it? [y/N]'), 'the question');
    ui.stdin.write('\u0003');
    const f = await ui.waitFor((x) => x.includes('stopped'), 'the line told');
    expect(f).toContain('Run it? [y/N] ^C');
    await ui.waitFor((x) => /root@host:~# *$/m.test(x), 'the prompt back');
  });
});

describe('a question as the screen opens (firstLines: --real=system’s `images`)', () => {
  it('runs the host’s first lines before what was typed ahead, the question in the input line', async () => {
    const host = { ...askingHost(), firstLines: ['change images'] };
    const r = render(<Screen host={host} typedAhead={{ line: '', lines: ['echo typed'] }} s={STRINGS.en} />);
    cleanup = r.unmount;
    const frame = () => r.lastFrame() ?? '';
    for (let i = 0; i < 250 && !frame().includes('Run it? [y/N]'); i++) await new Promise((res) => setTimeout(res, 20));
    expect(frame()).toContain('root@host:~# change images');
    expect(frame()).toContain('plan: make images');
    expect(frame()).not.toContain('typed\n');
    r.stdin.write('y');
    await new Promise((res) => setTimeout(res, 50));
    r.stdin.write('\r');
    for (let i = 0; i < 250 && !/^typed/m.test(frame()); i++) await new Promise((res) => setTimeout(res, 20));
    expect(frame()).toContain('answer=y');
    expect(frame()).toMatch(/^typed/m);
  });
});
