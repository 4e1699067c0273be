// Issue 12: under TERM=dumb the screen cleared the terminal with ESC[2J on every frame (25 times
// at start, wiping the scrollback). A dumb terminal is a TTY that cannot move its cursor: the built
// bin in tmux with TERM=dumb must give the line-mode tutor and write no escape sequence at all.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
const BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const unavailable =
  tmux.status !== 0 ? 'tmux is not installed' : existsSync(BIN) ? undefined : 'dist/cli.js is not built';
if (unavailable) {
  if (process.env.OVERLAY_TUTOR_REQUIRE_REAL === '1') throw new Error(`dumb terminal test cannot run: ${unavailable}`);
  process.stderr.write(`\n!!! dumb terminal test SKIPPED: ${unavailable}\n`);
}

const dir = mkdtempSync(join(tmpdir(), 'ot-dumb-'));
const session = `ot-dumb-${process.pid}`;
afterAll(() => {
  spawnSync('tmux', ['kill-session', '-t', session]);
  rmSync(dir, { recursive: true, force: true });
});

const tm = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });

async function waitFor(pred: () => boolean, what: string, ms = 30_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (pred()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; the screen:\n${tm('capture-pane', '-p', '-t', session)}`);
}

describe.skipIf(unavailable !== undefined)('TERM=dumb on a terminal', () => {
  it('gets the line-mode tutor, with no escape sequence written', async () => {
    const raw = join(dir, 'raw');
    // The bin's stdout is the terminal (script(1) keeps it a TTY) and a copy goes to a file.
    tm(
      'new-session',
      '-d',
      '-s',
      session,
      '-x',
      '80',
      '-y',
      '24',
      `env -u CI -u CONTINUOUS_INTEGRATION XDG_STATE_HOME=${dir}/state TERM=dumb ` +
        `script -qfec 'node ${BIN}' ${raw}; echo EXITED $?; sleep 60`,
    );
    await waitFor(() => tm('capture-pane', '-p', '-t', session).includes('Beyond overlay2'), 'the lesson map');
    tm('send-keys', '-t', session, 'q', 'Enter');
    await waitFor(() => tm('capture-pane', '-p', '-t', session).includes('EXITED'), 'the tutor to end');
    const written = readFileSync(raw, 'latin1');
    expect(written).toContain('Beyond overlay2');
    expect(written).not.toContain('\x1b');
  });
});
