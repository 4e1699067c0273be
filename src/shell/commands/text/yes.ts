// yes (GNU coreutils 8.32, Ubuntu 22.04's): its arguments joined by spaces, or `y`, a line at a
// time for ever. It writes a buffer of whole lines at a time, as coreutils does, and awaits each
// write, so `yes | head -3` ends when head does (SIGPIPE) and `yes` alone runs until Ctrl-C or
// the line's output budget stops it.
import type { CommandContext, CommandSpec } from '../../command.js';

/** coreutils fills a BUFSIZ buffer with copies of the line. */
const BUFFER = 8192;

const HELP = `Usage: yes [STRING]...
  or:  yes OPTION
Repeatedly output a line with all specified STRING(s), or 'y'.

      --help     display this help and exit
      --version  output version information and exit

GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
Full documentation <https://www.gnu.org/software/coreutils/yes>
or available locally via: info '(coreutils) yes invocation'
`;

const VERSION = `yes (GNU coreutils) 8.32
Copyright (C) 2020 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by David MacKenzie.
`;

async function yes(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  let operands = args;
  if (args[0] === '--help') return (ctx.stdout(HELP), 0);
  if (args[0] === '--version') return (ctx.stdout(VERSION), 0);
  if (args[0] === '--') operands = args.slice(1);
  else {
    const bad = args.find((a) => a.startsWith('-') && a !== '-');
    if (bad !== undefined) {
      ctx.stderr(
        bad.startsWith('--') ? `yes: unrecognized option '${bad}'\n` : `yes: invalid option -- '${bad.charAt(1)}'\n`,
      );
      ctx.stderr("Try 'yes --help' for more information.\n");
      return 1;
    }
  }
  const line = `${operands.length ? operands.join(' ') : 'y'}\n`;
  const chunk = new TextEncoder().encode(line.repeat(Math.max(1, Math.floor(BUFFER / line.length))));
  for (;;) {
    await ctx.stdout(chunk);
    ctx.budget.check(false);
    await ctx.budget.pause();
  }
}

export const yesCommand: CommandSpec = {
  name: 'yes',
  summary: 'print a line (y) over and over until stopped',
  run: yes,
  streaming: true,
};
