// Issue 12: under TERM=dumb the screen cleared the terminal with ESC[2J on every frame (25 times
// at start, wiping the scrollback). A dumb terminal is a TTY that cannot move its cursor: the built
// bin in tmux with TERM=dumb must give the line-mode tutor and write no escape sequence at all.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, killSessions, TmuxSession, tmuxUnavailable } from '../support/tmux.js';

const unavailable = tmuxUnavailable('dumb terminal test');
const dir = mkdtempSync(join(tmpdir(), 'ot-dumb-'));
afterAll(() => {
  killSessions();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(unavailable !== undefined)('TERM=dumb on a terminal', () => {
  it('gets the line-mode tutor, with no escape sequence written', async () => {
    const raw = join(dir, 'raw');
    // The bin's stdout is the terminal (script(1) keeps it a TTY) and a copy goes to a file.
    const t = new TmuxSession(
      `ot-dumb-${process.pid}`,
      `env -u CI -u CONTINUOUS_INTEGRATION XDG_STATE_HOME=${dir}/state TERM=dumb ` +
        `script -qfec 'node ${BIN}' ${raw}; echo EXITED $?; sleep 60`,
    );
    await t.waitFor((s) => s.includes('Beyond overlay2'), 'the lesson map');
    t.keys('q', 'Enter');
    await t.waitFor((s) => s.includes('EXITED'), 'the tutor to end');
    const written = readFileSync(raw, 'latin1');
    expect(written).toContain('Beyond overlay2');
    expect(written).not.toContain('\x1b');
  });
});
