// Lesson 8 (copy-on-write) as a learner walks it on the built bin in tmux at 80x24: the step's goal pinned at the
// top through long output (`docker history`, `docker info`), a command longer than the terminal
// wrapped with its prompt intact, `?` and F1 opening the help, the upper pane scrolled in focus
// past the rows it can show, `undo`, and the status line on the last row throughout.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, killSessions, promptIdle, SCREEN_ENV, TmuxSession, tmuxUnavailable } from '../support/tmux.js';

const unavailable = tmuxUnavailable('lesson screen test');
const state = mkdtempSync(join(tmpdir(), 'ot-lesson-e2e-'));
let t: TmuxSession;

async function typeLine(line: string, until: (s: string) => boolean, what: string): Promise<string> {
  await t.enter(line);
  return t.waitFor(until, what);
}

/** The pinned goal is the screen's first row, a rule under it; the status line the last row. */
function expectPinned(goalStart: string): void {
  const r = t.rows();
  expect(r).toHaveLength(24);
  expect(r[0], r.join('\n')).toMatch(new RegExp(`^Goal: ${goalStart}`));
  expect(
    r.slice(1, 3).some((l) => /^─{80}$/.test(l)),
    r.join('\n'),
  ).toBe(true);
  expect(r[23], r.join('\n')).toMatch(/^overlay-tutor \|/);
}

afterAll(() => {
  killSessions();
  rmSync(state, { recursive: true, force: true });
});

describe.runIf(!unavailable)('lesson 8 (copy-on-write) on the screen at 80x24', () => {
  it('keeps the goal pinned, wraps a long command, opens the help, scrolls a pane and undoes', async () => {
    t = new TmuxSession(
      `overlay-tutor-lesson-${process.pid}`,
      `${SCREEN_ENV} LANG=C.UTF-8 XDG_STATE_HOME=${state} node ${BIN} tutor --lesson 07-copy-on-write`,
    );
    await t.waitFor((s) => s.includes('· 1/10 |') && s.includes('overlay-tutor |'), 'the first step');
    expectPinned('A running container is an overlay mount');

    // ? on the empty line opens the help (and is not typed); any key closes it. F1 too.
    t.keys('?');
    let s = await t.waitFor((s) => s.includes('In a lesson'), 'the help');
    for (const word of ['next', 'hint', 'solution', 'undo', 'reset', 'answer', 'step', 'lessons'])
      expect(s).toMatch(new RegExp(`\\b${word}\\b`));
    t.keys('q');
    await t.waitFor((s) => !s.includes('In a lesson') && /root@host:~#\s*$/m.test(s), 'the help closed');
    t.keys('F1');
    await t.waitFor((s) => s.includes('In a lesson'), 'the help on F1');
    t.keys('Space');
    s = await t.waitFor((s) => !s.includes('In a lesson'), 'the help closed again');
    expect(s).not.toMatch(/root@host:~# [? ]+\S/);

    t.keys('Enter');
    await t.waitFor((s) => s.includes('· 2/10 |'), 'step 2');
    expectPinned('Start a container');
    await typeLine('docker run -d --name web nginx', (s) => s.includes('· 3/10 |'), 'step 3');
    expectPinned('Create a new file in the container');

    // A command longer than the terminal wraps as readline wraps it: prompt intact, the rest
    // continuing at the first column; the cursor moves inside it (Home, then typing at the start).
    const long = "docker exec web sh -c 'echo hello > /tmp/hello.txt && echo this line is longer than eighty'";
    t.keys('-l', long.slice(2));
    t.keys('Home');
    t.keys('-l', 'do');
    s = await t.waitFor((s) => s.includes("root@host:~# docker exec web sh -c 'echo hello"), 'the long line');
    const at = t.rows().findIndex((l) => l.startsWith("root@host:~# docker exec web sh -c 'echo hello"));
    expect(t.rows()[at]).toHaveLength(80);
    expect(`${t.rows()[at]}${t.rows()[at + 1]}`.trimEnd()).toBe(`root@host:~# ${long}`);
    t.keys('Enter');
    await t.waitFor((s) => s.includes('· 4/10 |'), 'step 4');

    // Long output scrolls under the goal; the goal and the status line stay.
    await typeLine(
      'docker history nginx',
      (s) => /IMAGE +CREATED +CREATED BY/.test(s) || /<missing>/.test(s),
      'history',
    );
    await t.waitFor(promptIdle, 'the prompt after history');
    expectPinned('Look at the upper dir from the host');
    await typeLine('docker info', (s) => /Storage Driver: overlay2|Docker Root Dir/.test(s), 'docker info');
    await t.waitFor(promptIdle, 'the prompt after docker info');
    expectPinned('Look at the upper dir from the host');

    // Twelve new files: more rows than the upper pane shows. In pane focus it scrolls.
    await typeLine(
      "docker exec web sh -c 'mkdir /d && for i in 01 02 03 04 05 06 07 08 09 10 11 12; do echo $i > /d/f$i; done'",
      (s) => /f01/.test(s),
      'the files in upper',
    );
    t.keys('Escape');
    s = await t.waitFor((s) => s.includes('║upper'), 'the upper pane in focus');
    expect(s).toMatch(/↓\d+/);
    expect(s).not.toContain('f12');
    for (let i = 0; i < 8; i++) t.keys('Down');
    s = await t.waitFor((s) => s.includes('f12'), 'the pane scrolled to its end');
    expect(s).toMatch(/↑\d+/);
    t.keys('PageUp');
    await t.waitFor((s) => !s.includes('f12'), 'the pane scrolled back');
    t.keys('Escape');
    await t.waitFor((s) => !s.includes('║upper'), 'focus back at the prompt');

    // undo: the host is rebuilt without the last change; web still runs and the panes say so.
    s = await typeLine('undo', (s) => !/f01/.test(s.split('\n').slice(-12).join('\n')), 'the undo');
    expect(s).not.toContain('Run a container to see its layers');
    expect(s).not.toContain('Nothing in focus yet');
    expect(s).toContain('tmp/');
    expectPinned('Look at the upper dir from the host');
    await t.quit((s) => !s.includes('overlay-tutor |'));
  }, 150_000);
});
