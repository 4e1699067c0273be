// The presenter's keys (`overlay-tutor present`), demo-magic's `pe` and `p` on the tutor's screen:
// a key types the step's next line at the prompt at a set speed, Enter runs it; `p` types it and
// hands the line over (edit it, Enter runs it, Esc drops it); `:7` or `g7` then Enter jumps to
// step 7, `b` goes back one step; `!` opens an empty line for a command of one's own. Keys the
// presenter does not use fall through to the screen (PgUp/PgDn scroll, Esc focuses the panes,
// ? is help, Ctrl-C clears and twice quits).
import type { Key } from 'ink';
import type { PresenterControl } from './screen-host-present.js';

/** What the keys need of the screen's prompt. */
export interface PromptControl {
  line(): string;
  setLine(text: string): void;
  /** Runs the line at the prompt (as Enter). */
  submit(): void;
  /** A line is running, or waiting to. */
  busy(): boolean;
}

type Mode = 'idle' | 'typing' | 'typed' | 'edit' | 'jump';

/** Keys that type the next line (or reveal the next step). */
const isAdvance = (ch: string, key: Key) => key.return || key.rightArrow || ch === ' ' || ch === 'n';

export class PresenterKeys {
  private mode: Mode = 'idle';
  private timer: ReturnType<typeof setInterval> | undefined;
  private typing = { line: '', shown: 0, after: 'typed' as Mode };

  /** `cps`: characters a second (0 types a line at once). */
  constructor(
    private readonly present: PresenterControl,
    private readonly prompt: PromptControl,
    private readonly cps: number,
  ) {}

  /** Handles a key; false when it is the screen's. Keys read in one go (tmux send-keys, a fast
   * typist on a busy machine) arrive as one string: each is taken in turn, Enter among them. */
  key(ch: string, key: Key): boolean {
    const chars = [...ch];
    if (chars.length <= 1 || key.ctrl || key.meta || this.mode === 'edit') return this.one(ch, key);
    let mine = false;
    for (const c of chars) {
      const enter = c === '\r' || c === '\n';
      mine = this.one(enter ? '' : c, enter ? { ...key, return: true } : key) || mine;
      // A line taken over by the screen (p, !): the rest is typed into it.
      if ((this.mode as Mode) === 'edit') {
        const rest = chars.slice(chars.indexOf(c) + 1).join('');
        if (rest) this.prompt.setLine(this.prompt.line() + rest.replace(/[\r\n]/g, ''));
        return true;
      }
    }
    return mine;
  }

  private one(ch: string, key: Key): boolean {
    if (key.ctrl && ch === 'c') {
      this.stop('idle');
      return false;
    }
    switch (this.mode) {
      case 'typing':
        // Any key finishes the line at once.
        this.stop(this.typing.after);
        this.prompt.setLine(this.typing.line);
        return true;
      case 'typed':
        if (key.return) {
          this.mode = 'idle';
          this.prompt.submit();
        }
        return true;
      case 'edit':
        if (key.escape) {
          this.mode = 'idle';
          this.prompt.setLine('');
          return true;
        }
        if (key.return) this.mode = 'idle';
        return false;
      case 'jump':
        return this.jumpKey(ch, key);
      default:
        return this.idleKey(ch, key);
    }
  }

  private idleKey(ch: string, key: Key): boolean {
    if (key.pageUp || key.pageDown || key.escape || key.upArrow || key.downArrow || ch === '?' || key.ctrl)
      return false;
    if (this.prompt.busy()) return true;
    if (ch === ':' || ch === 'g') {
      this.mode = 'jump';
      this.prompt.setLine(':');
      return true;
    }
    if (ch === '!') {
      this.mode = 'edit';
      return true;
    }
    if (ch === 'b' || key.leftArrow) {
      const at = this.present.where();
      if (at && at.step > 1) this.run(`:${at.step - 1}`);
      return true;
    }
    if (ch === 'p') return (this.advance('edit'), true);
    if (isAdvance(ch, key)) return (this.advance('typed'), true);
    return true;
  }

  private jumpKey(ch: string, key: Key): boolean {
    const line = this.prompt.line();
    if (/^\d$/.test(ch) && line.length < 5) this.prompt.setLine(line + ch);
    else if (key.backspace || key.delete) {
      if (line.length <= 1) this.mode = 'idle';
      this.prompt.setLine(line.slice(0, -1));
    } else if (key.escape) {
      this.mode = 'idle';
      this.prompt.setLine('');
    } else if (key.return) {
      this.mode = 'idle';
      if (line.length > 1) this.prompt.submit();
      else this.prompt.setLine('');
    }
    return true;
  }

  /** Types the step's next line; a reading step (or one with nothing to type) moves on. */
  private advance(then: Mode): void {
    const line = this.present.nextLine();
    if (line === undefined) {
      if (this.present.reading()) this.run('');
      return;
    }
    this.typing = { line, shown: 0, after: then };
    if (this.cps <= 0) {
      this.prompt.setLine(line);
      this.mode = then;
      return;
    }
    this.mode = 'typing';
    this.prompt.setLine('');
    const chars = [...line];
    this.timer = setInterval(
      () => {
        this.typing.shown++;
        this.prompt.setLine(chars.slice(0, this.typing.shown).join(''));
        if (this.typing.shown >= chars.length) this.stop(then);
      },
      Math.max(1, Math.round(1000 / this.cps)),
    );
  }

  private run(line: string): void {
    this.prompt.setLine(line);
    this.prompt.submit();
  }

  private stop(mode: Mode): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.mode = mode;
  }

  dispose(): void {
    this.stop('idle');
  }
}
