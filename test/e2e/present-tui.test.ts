// `overlay-tutor present` on the built bin in tmux at 80x24: a key types the step's line at the
// prompt and Enter runs it; a jump to step 5 and back to step 2 leaves the screen a jump straight
// to step 2 gives; an attendee's `--at 8.5 --seed 42` has the presenter's host, ids and all; and
// `present --notes` in a second terminal follows the presenter's steps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, killSessions, promptRow, SCREEN_ENV, TmuxSession, tmuxUnavailable } from '../support/tmux.js';

const unavailable = tmuxUnavailable('present test');
const state = mkdtempSync(join(tmpdir(), 'ot-present-e2e-'));

/** A tmux session running the bin with `args`, at 80x24. */
const start = (name: string, args: string): TmuxSession =>
  new TmuxSession(
    `ot-present-${name}-${process.pid}`,
    `${SCREEN_ENV} LANG=C.UTF-8 XDG_STATE_HOME=${state} node ${BIN} ${args}`,
  );

const HEX64 = /^[0-9a-f]{64}$/m;

afterAll(() => {
  killSessions();
  rmSync(state, { recursive: true, force: true });
});

describe.runIf(!unavailable)('present on the screen at 80x24', () => {
  it('a key types the next line at the prompt, Enter runs it and its output follows; the notes follow', async () => {
    const p = start('keys', 'present --lesson 8 --speed 200');
    await p.waitFor((s) => s.includes('· 1/10') && s.includes('--at 8.1 --seed 7'), 'the first step and its code');
    const notes = start('notes', 'present --notes');
    await notes.waitFor((s) => s.includes('Draw the four directories'), "step 1's notes");
    // An explain step: the key reveals the next one.
    p.keys('Space');
    await p.waitFor((s) => s.includes('· 2/10'), 'step 2');
    await notes.waitFor((s) => s.includes('Point at the upper pane') && s.includes('$ docker run'), "step 2's notes");
    p.keys('Space');
    const typed = await p.waitFor(
      (s) => promptRow(s) === 'root@host:~# docker run -d --name web nginx',
      'the line typed at the prompt',
    );
    // Typed, not run: no container yet, still step 2.
    expect(typed).not.toMatch(HEX64);
    expect(typed).toContain('· 2/10');
    await p.holds((s) => s.includes('· 2/10') && !HEX64.test(s), 'step 2, the line not run', 300);
    p.keys('Enter');
    const ran = await p.waitFor((s) => s.includes('· 3/10'), 'the line run and the step done');
    expect(ran).toMatch(HEX64);
    expect(ran).toContain('--at 8.3 --seed 7');
    await notes.waitFor((s) => s.includes('step 3 of 10') && s.includes('(no notes for this step)'), "step 3's notes");
  }, 180_000);

  it('g5 and then :2 gives the screen a jump straight to step 2 gives', async () => {
    const a = start('there-and-back', 'present --lesson 8');
    await a.waitFor((s) => s.includes('· 1/10'), 'the first step');
    for (const k of ['g', '5', 'Enter']) a.keys(k);
    const five = await a.waitFor((s) => s.includes('· 5/10'), 'step 5');
    // Step 5's upper pane: web runs and has hello.txt, from the reference path.
    expect(five).toContain('--at 8.5 --seed 7');
    for (const k of [':', '2', 'Enter']) a.keys(k);
    const back = await a.waitFor((s) => s.includes('· 2/10'), 'back at step 2');
    const b = start('straight', 'present --lesson 8');
    await b.waitFor((s) => s.includes('· 1/10'), 'the first step');
    for (const k of ['g', '2', 'Enter']) b.keys(k);
    const straight = await b.waitFor((s) => s.includes('· 2/10'), 'step 2');
    expect(back).toBe(straight);
    // And the host is step 2's: no container yet.
    a.keys('Space');
    await a.waitFor((s) => promptRow(s).endsWith('docker run -d --name web nginx'), 'the line typed');
    a.keys('Enter');
    await a.waitFor((s) => s.includes('· 3/10'), 'step 3');
  }, 180_000);

  it("--at 8.5 --seed 42 gives an attendee the presenter's host, ids and all", async () => {
    const p = start('presenter', 'present --lesson 8 --seed 42 --speed 0');
    await p.waitFor((s) => s.includes('· 1/10'), 'the first step');
    // Steps 1 to 4 by keys, as a talk goes: each line typed, then run.
    p.keys('Space');
    for (const n of [2, 3, 4]) {
      await p.waitFor((s) => s.includes(`· ${n}/10`), `step ${n}`);
      p.keys('Space');
      await p.waitFor((s) => promptRow(s).length > 'root@host:~# '.length, `step ${n}'s line typed`);
      p.keys('Enter');
    }
    const at5 = await p.waitFor((s) => s.includes('· 5/10'), 'step 5');
    expect(at5).toContain('--at 8.5 --seed 42');
    const look = 'docker ps -q --no-trunc; ls /var/lib/docker/overlay2 | sha256sum';
    p.keys('!');
    p.keys('-l', look);
    p.keys('Enter');
    const mine = await p.waitFor((s) => /[0-9a-f]{64} {2}-/.test(s), "the presenter's ids");
    const attendee = start('attendee', 'tutor --at 8.5 --seed 42');
    await attendee.waitFor((s) => s.includes('· 5/10'), "the attendee's step 5");
    attendee.keys('-l', look);
    attendee.keys('Enter');
    const theirs = await attendee.waitFor((s) => /[0-9a-f]{64} {2}-/.test(s), "the attendee's ids");
    const ids = (s: string) => s.match(/^[0-9a-f]{64}( {2}-)?$/gm);
    expect(ids(mine)).toHaveLength(2);
    expect(ids(theirs)).toEqual(ids(mine));
  }, 180_000);
});
