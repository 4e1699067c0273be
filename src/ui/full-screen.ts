// The screen draws on the terminal's alternate screen, as full-screen programs (less, vim, top)
// do: it is the terminal's full height, the status line on its last row, and when the tutor
// ends the learner's shell and its scrollback are back as they were. Ink redraws a frame as tall
// as the terminal by clearing the screen, which on the normal screen would wipe the scrollback.

const ENTER = '\u001b[?1049h';
const LEAVE = '\u001b[?1049l';

let active = false;

/** Switches to the alternate screen; the normal screen comes back on leave, or when the process
 * exits however it exits (process.exit from a signal handler included). */
export function enterFullScreen(out: NodeJS.WriteStream): void {
  if (active || !out.isTTY) return;
  active = true;
  out.write(ENTER);
  process.once('exit', () => leaveFullScreen(out));
}

export function leaveFullScreen(out: NodeJS.WriteStream): void {
  if (!active) return;
  active = false;
  // Writes to a terminal are synchronous in Node (on Linux and macOS): this one lands even from
  // the 'exit' event.
  out.write(LEAVE);
}
