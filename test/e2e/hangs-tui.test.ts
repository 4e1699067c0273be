// Issue 12's hangs, driven as a learner meets them: the built bin in tmux, each line that used to
// freeze the screen typed at the prompt, then Ctrl-C. The prompt must answer within a second, the
// next line must run, and the host must be as it was. Then SIGTERM and SIGHUP while a line runs:
// the bin exits within a second and leaves the terminal as it found it (echo, canonical mode,
// the cursor shown).
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, killSessions, outputRows, SCREEN_ENV, TmuxSession, tmuxUnavailable } from '../support/tmux.js';

const unavailable = tmuxUnavailable('hang TUI test');
afterAll(killSessions);

function open(name: string): TmuxSession {
  // After the bin exits, the pane shows its status and the terminal's modes, then waits.
  return new TmuxSession(
    `ot-hangs-${name}-${process.pid}`,
    `${SCREEN_ENV} node ${BIN} sandbox --seed 5; echo EXITED $?; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}\\(echo\\|icanon\\)' | tr '\\n' ' '; echo; sleep 120`,
  );
}

/** How long `pred` took to hold on t's screen, and the screen then. */
async function timed(t: TmuxSession, pred: (s: string) => boolean, what: string) {
  const start = Date.now();
  const s = await t.waitFor(pred, what, 15_000);
  return { s, ms: Date.now() - start };
}

const rows = outputRows;

/** The rows after the last row that is exactly `marker`. */
function after(s: string, marker: string): string[] {
  const all = rows(s);
  const at = all.lastIndexOf(marker);
  return at < 0 ? [] : all.slice(at + 1);
}

/** The line typed after the row `marker` has ended: a row after the marker (or, when a long output
 * such as docker build's steps has scrolled the marker away, after the last state row still on
 * screen) says so. */
function endedSince(s: string, marker: string): boolean {
  if (after(s, marker).some((r) => ENDED.test(r))) return true;
  const all = rows(s);
  if (all.includes(marker)) return false;
  const lastState = all.map((r) => r.startsWith('state ')).lastIndexOf(true);
  return all.slice(lastState + 1).some((r) => ENDED.test(r));
}

/** The line typed after `echo started` runs: the echo shows, or (docker build's steps can scroll it
 * away between two looks at the screen on a busy machine) a build step after the last state row. */
function runningSince(s: string, started: string): boolean {
  const all = rows(s);
  if (all.includes(started)) return true;
  const lastState = all.map((r) => r.startsWith('state ')).lastIndexOf(true);
  return all.slice(lastState + 1).some((r) => /^Step \d+\/\d+ : /.test(r));
}

/** Runs a line, waits for its marker (`echo`ed after it) and the prompt after that; the rows up to the marker. */
async function run(t: TmuxSession, line: string, marker: string): Promise<string[]> {
  await t.enter(`${line}; echo ${marker}`);
  const s = await t.waitFor((s) => after(s, marker).includes('root@host:~#'), line);
  const all = rows(s);
  return all.slice(0, all.lastIndexOf(marker));
}

// (grep -E '^(a+)+$' froze it too; it now answers at once on the linear-time VM: test/shell/bash/budget.test.ts)
const HANGS = [
  "echo x | sed ':a;s/x/xx/;ta'",
  'cp -r / /copy',
  "jq -n 'last(range(1e12))'",
  "jq -n 'def f: f; f'",
  "awk 'BEGIN { while (1) print }'",
  'docker build -t many /b',
  'docker build /b2',
];
/** What ends each: Ctrl-C's ^C, or the tool's own message when it answered first. */
const ENDED = /\^C$|stopped after|into itself|max allowed size/;

describe.runIf(!unavailable)('lines that froze the tutor, with Ctrl-C, in tmux against the built bin', () => {
  it('each answers Ctrl-C within a second, the next line runs, and the host is as before', async () => {
    const t = open('ctrlc');
    await t.waitFor((s) => rows(s).includes('root@host:~#'), 'the first frame');
    await run(t, 'mkdir -p /mark /b /b2; echo kept > /mark/f', 'm1');
    await run(t, 'docker pull -q busybox', 'm2');
    await run(t, 'for i in $(seq 3000); do echo "ENV V$i=$i"; done > /b/e', 'm3');
    await run(t, '{ echo FROM busybox; cat /b/e; } > /b/Dockerfile', 'm4');
    await run(t, "printf 'FROM busybox\\nRUN echo %70000d\\n' 0 > /b2/Dockerfile", 'm5');
    const STATE = 'echo state $(ls / | wc -l) $(cat /mark/f) $(docker images busybox -q | wc -l)';
    const state = async (marker: string) =>
      (await run(t, STATE, marker)).filter((r) => r.startsWith('state ')).pop() ?? '';
    const before = await state('s0');
    expect(before.trim(), t.screen()).toMatch(/^state \d+ kept 1$/);
    for (const [i, line] of HANGS.entries()) {
      const last = `s${i}`; // the state line's marker, the last thing on the screen before this line
      // The echo before the line shows (the screen shows output every 50 ms) once the line runs:
      // Ctrl-C then stops the line, not the typing of it.
      await t.enter(`echo started-${i}; ${line}`);
      await t.waitFor((s) => runningSince(s, `started-${i}`), `${line} to start`);
      t.keys('C-c');
      const { ms } = await timed(t, (s) => endedSince(s, last), `${line} to end`);
      expect(ms, line).toBeLessThan(1000);
      const next = await run(t, `echo next-${i}`, `done-${i}`);
      expect(next.pop(), line).toBe(`next-${i}`);
      expect(await state(`s${i + 1}`), line).toBe(before);
    }
  }, 180_000);

  for (const signal of ['TERM', 'HUP'] as const) {
    it(`exits within a second on SIG${signal} while a line runs, the terminal restored`, async () => {
      const t = open(signal.toLowerCase());
      await t.waitFor((s) => rows(s).includes('root@host:~#'), 'the first frame');
      const shellPid = t.display('#{pane_pid}');
      const [node] = execFileSync('pgrep', ['-P', shellPid, 'node'], { encoding: 'utf8' }).trim().split('\n');
      if (!node) throw new Error(`no node process under the pane's shell ${shellPid}`);
      await t.enter("echo started; echo x | sed ':a;s/x/xx/;ta'");
      await t.waitFor((s) => rows(s).includes('started'), 'the line to run');
      process.kill(Number(node), `SIG${signal}`);
      const { s, ms } = await timed(t, (s) => /EXITED \d+\n.*icanon/.test(s), 'the exit');
      // The bin's own exit takes under a second; the bound adds what the pane's shell does after
      // it (echo, stty) and tmux's redraw, which a busy machine slows.
      expect(ms).toBeLessThan(2000);
      expect(s).toMatch(/EXITED 1(43|29)\n/);
      // stty -a after the bin: echo and icanon on again (a `-` would mark them off).
      expect(s).toMatch(/(^| )echo( |$)/m);
      expect(s).toMatch(/(^| )icanon( |$)/m);
      expect(t.display('#{cursor_flag}')).toBe('1');
    }, 60_000);
  }
});
