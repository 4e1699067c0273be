// The end-to-end tests drive the bin in tmux as a learner's terminal: this is their one copy of
// the guard (tmux there, the bin built), the session (a size, a command, its keys and its screen)
// and the waits. A wait is on what the screen shows, polled, never on a fixed time: a loaded
// machine makes a test slower, not red.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { reportUnavailable } from './real-docker.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'dist', 'cli.js');

/** What the bin needs to open its screen in a pane: no CI variable (it asks for line mode), a real terminal type. */
export const SCREEN_ENV = 'env -u CI -u CONTINUOUS_INTEGRATION TERM=xterm-256color';

const tmux = (...args: string[]): string => execFileSync('tmux', args, { encoding: 'utf8' });

/**
 * Why `what` cannot run here (no tmux; with `needsBin`, no dist/cli.js), or undefined when it can.
 * Under OVERLAY_TUTOR_REQUIRE_REAL=1 (CI) a reason is an error; otherwise it is said on stderr.
 */
export function tmuxUnavailable(what: string, needsBin = true): string | undefined {
  return reportUnavailable(
    what,
    spawnSync('tmux', ['-V']).status !== 0
      ? 'tmux is not installed'
      : needsBin && !existsSync(BIN)
        ? 'dist/cli.js is not built (npm run build)'
        : undefined,
  );
}

const sessions = new Set<string>();

/** Ends every session this test file opened (for its afterAll). */
export function killSessions(): void {
  for (const name of sessions) spawnSync('tmux', ['kill-session', '-t', name]);
  sessions.clear();
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The output column of a screen's rows: each row up to the panes' boxes, trimmed. */
export const outputRows = (s: string): string[] => s.split('\n').map((r) => (r.split(/[│┌└║╔╚]/)[0] ?? '').trim());

/** The last row that starts with the shell's prompt, or '' when none is on screen. */
export const promptRow = (s: string): string => s.split('\n').findLast((l) => l.startsWith('root@host:~#')) ?? '';

const PROMPT_ONLY = /^root@host:~#\s*(│|║|$)/;

/** The prompt waits for a line: the last prompt on screen has nothing typed at it. */
export const promptIdle = (s: string): boolean => PROMPT_ONLY.test(promptRow(s));

/** A tmux session at a size, running one shell command. */
export class TmuxSession {
  constructor(
    readonly name: string,
    command: string,
    size: { width: number; height: number } = { width: 80, height: 24 },
  ) {
    spawnSync('tmux', ['kill-session', '-t', name]);
    sessions.add(name);
    tmux('new-session', '-d', '-s', name, '-x', String(size.width), '-y', String(size.height), command);
  }

  /** The screen as text (with escape sequences: its colours and weights too). */
  screen(opts: { styled?: boolean } = {}): string {
    return tmux('capture-pane', '-p', ...(opts.styled ? ['-e'] : []), '-t', this.name);
  }

  rows(): string[] {
    return this.screen().replace(/\n$/, '').split('\n');
  }

  /** tmux send-keys: key names (Enter, C-c, Escape …), or with '-l' first, text as typed. */
  keys(...keys: string[]): void {
    tmux('send-keys', '-t', this.name, ...keys);
  }

  /** A tmux format about the pane (#{cursor_flag}, #{pane_pid} …). */
  display(format: string): string {
    return tmux('display', '-p', '-t', this.name, format).trim();
  }

  alive(): boolean {
    return spawnSync('tmux', ['has-session', '-t', this.name]).status === 0;
  }

  /** Polls the screen until `pred` holds: the screen then. Throws with the screen after `ms`. */
  async waitFor(pred: (s: string) => boolean, what: string, ms = 30_000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const s = this.screen();
      if (pred(s)) return s;
      if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}; the screen:\n${s}`);
      await pause(25);
    }
  }

  /** Checks that `pred` keeps holding for `ms` (something must not happen), polling the screen. */
  async holds(pred: (s: string) => boolean, what: string, ms: number): Promise<void> {
    const start = Date.now();
    while (Date.now() - start < ms) {
      const s = this.screen();
      if (!pred(s)) throw new Error(`${what} stopped holding; the screen:\n${s}`);
      await pause(25);
    }
  }

  /** Types `line` and waits until the screen shows it typed (the prompt's output column, wrapped or not). */
  async typed(line: string): Promise<void> {
    this.keys('-l', line);
    const tail = line.replace(/\s+/g, '').slice(-16);
    await this.waitFor((s) => outputRows(s).join('').replace(/\s+/g, '').includes(tail), `"${line}" typed`);
  }

  /** Types `line`, waits until it shows, and presses Enter. */
  async enter(line: string): Promise<void> {
    await this.typed(line);
    this.keys('Enter');
  }

  /** Ctrl-C twice, as a learner quits: the first asks for the second. Waits until the bin has gone. */
  async quit(gone: (s: string) => boolean): Promise<void> {
    this.keys('C-c');
    await this.waitFor((s) => s.includes('Press Ctrl-C again to quit'), 'the Ctrl-C prompt');
    this.keys('C-c');
    const start = Date.now();
    for (;;) {
      let s: string;
      try {
        s = this.screen();
      } catch {
        if (!this.alive()) return; // the pane closed with the bin
        throw new Error(`tmux capture-pane failed on ${this.name}, which is still there`);
      }
      if (gone(s)) return;
      if (Date.now() - start > 30_000) throw new Error(`the bin did not quit; the screen:\n${s}`);
      await pause(25);
    }
  }
}
