// No byte a command prints can move a pane's border: every byte 0-255, then a binary file (`cat`
// of an image archive), then the screen read back row by row: as many rows as the terminal, none
// wider, each pane row starting and ending with its border at the same columns.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { STRINGS } from '../../src/i18n/index.js';
import { Screen } from '../../src/ui/screen.js';
import type { ScreenHost } from '../../src/ui/screen-host.js';
import { screenHostFor } from '../../src/ui/screen-host-sim.js';
import { textWidth } from '../../src/ui/text-width.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const COLUMNS = 100; // ink-testing-library's terminal
const ROWS = 24;

async function until(frame: () => string, pred: (f: string) => boolean, what: string): Promise<string> {
  for (let i = 0; i < 400; i++) {
    if (pred(frame())) return frame();
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}:\n${frame()}`);
}

function checkBorders(f: string): void {
  const rows = f.split('\n');
  expect(rows).toHaveLength(ROWS);
  for (const r of rows) expect(textWidth(r), r).toBeLessThanOrEqual(COLUMNS);
  // The two panes side by side: ┌…┐┌…┐, │…││…│, └…┘└…┘ with the same widths on every row.
  const top = rows.findIndex((r) => r.startsWith('┌'));
  const bottom = rows.findIndex((r) => r.startsWith('└'));
  expect(top).toBeGreaterThan(0);
  expect(bottom).toBeGreaterThan(top);
  const at = (r: string) =>
    [...r].flatMap((ch, i) => ('│┌┐└┘'.includes(ch) ? [i] : [])).filter((i) => i === 0 || i >= COLUMNS / 2 - 1);
  const frame = at(rows[top] as string);
  for (let i = top; i <= bottom; i++) {
    const chars = [...(rows[i] as string)];
    expect(textWidth(rows[i] as string), rows[i]).toBe(COLUMNS);
    for (const c of frame) expect('│┌┐└┘', `row ${i}: ${rows[i]}`).toContain(chars[c]);
  }
  expect(rows[ROWS - 1]).toMatch(/^overlay-tutor \|/);
}

describe('the screen under binary output', () => {
  it('keeps every pane border in place after every byte 0-255 and `cat` of an image archive', async () => {
    const sim = screenHostFor(createSimHost({ seed: 4 }));
    // A command that writes the 256 bytes as they are, in one write and then one byte at a time.
    const host: ScreenHost = {
      ...sim,
      run: (line, io) => {
        if (line !== 'allbytes') return sim.run(line, io);
        const all = new Uint8Array(256).map((_, i) => i);
        io.stdout(all);
        for (const b of all) io.stdout(new Uint8Array([b]));
        io.stdout('\n');
        return Promise.resolve({ exitCode: 0, exited: false });
      },
    };
    const r = render(<Screen host={host} typedAhead={{ line: '', lines: [] }} s={STRINGS.en} pullMs={0} />);
    cleanup = r.unmount;
    const frame = () => r.lastFrame() ?? '';
    const send = async (line: string, pred: (f: string) => boolean, what: string) => {
      r.stdin.write(`${line}\r`);
      return until(frame, pred, what);
    };
    await until(frame, (f) => f.includes('overlay-tutor |'), 'the screen');
    await send('docker pull busybox', (f) => f.includes('┌'), 'the panes');
    await send('docker run -d --name web busybox sleep 1000', (f) => f.includes('web (running)'), 'the container');
    let f = await send('allbytes', (f) => f.includes('^@^A^B'), 'the bytes');
    checkBorders(f);
    f = await send(
      'docker save busybox -o /b.tar && cat /b.tar; echo; echo END',
      (f) => /^END$/m.test(f),
      'the archive',
    );
    checkBorders(f);
    // `clear` (and Ctrl-L) leave the output empty: the prompt at the top again.
    f = await send('clear', (f) => f.split('\n')[0]?.startsWith('root@host:~#') ?? false, 'the cleared output');
    expect(f).not.toContain('END');
    await send('echo again', (f) => /^again$/m.test(f), 'output after clear');
    r.stdin.write('\u000c');
    f = await until(frame, (f) => !f.includes('again'), 'Ctrl-L');
    expect(f.split('\n')[0]).toMatch(/^root@host:~#/);
  }, 120_000);
});
