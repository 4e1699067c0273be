// xargs (GNU findutils): builds command lines from stdin and runs each through the shell's
// runLine, every argument shell-quoted so a name with spaces stays one word. -n, -L, -I/-i,
// -0, -d, -t, -r; echo when no command is given. The command's stdin is empty, like
// GNU's /dev/null.
import { shellQuote } from '../../../posix/shell-quote.js';
import { type CommandContext, type CommandSpec, childLineOptions } from '../../command.js';
import { errText } from '../options.js';
import { text } from './operands.js';

class ParseError extends Error {}

/** Default input syntax: blanks separate, quotes group, backslash escapes. */
function splitDefault(s: string, byLine: boolean): string[][] {
  const lines: string[][] = [];
  let cur: string[] = [];
  let word = '';
  let have = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\n') {
      if (have) cur.push(word);
      word = '';
      have = false;
      // -L: a line ending in a blank continues on the next line.
      if (cur.length > 0 && !(byLine && /[ \t]$/.test(s.slice(0, i)))) {
        lines.push(cur);
        cur = [];
      }
      continue;
    }
    if ((c === ' ' || c === '\t') && !byLine) {
      if (have) cur.push(word);
      word = '';
      have = false;
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (have) cur.push(word);
      word = '';
      have = false;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = s.indexOf(c, i + 1);
      const nl = s.indexOf('\n', i + 1);
      if (end < 0 || (nl >= 0 && nl < end)) {
        if (have) cur.push(word);
        if (cur.length > 0) lines.push(cur);
        lines.push([]);
        throw Object.assign(
          new ParseError(
            `unmatched ${c === "'" ? 'single' : 'double'} quote; by ` +
              'default quotes are special to xargs unless you use the -0 ' +
              'option',
          ),
          { lines },
        );
      }
      word += s.slice(i + 1, end);
      have = true;
      i = end;
      continue;
    }
    if (c === '\\' && i + 1 < s.length) {
      word += s[++i];
      have = true;
      continue;
    }
    word += c;
    have = true;
  }
  if (have) cur.push(word);
  if (cur.length > 0) lines.push(cur);
  return lines;
}

async function run(ctx: CommandContext): Promise<number> {
  const argv = ctx.argv.slice(1);
  let maxArgs = 0;
  let maxLines = 0;
  let repl: string | undefined;
  let delim: string | undefined;
  let trace = false;
  let noEmpty = false;
  let argFile: string | undefined;
  let i = 0;
  const bad = (msg: string): number => {
    ctx.stderr(`xargs: ${msg}\nTry 'xargs --help' for more information.\n`);
    return 1;
  };
  // (the update reads the word after any the body consumed as an option's value)
  for (let a = argv[i]; a !== undefined; a = argv[++i]) {
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const m = /^-([nLIdsPEa])(.*)$/.exec(a);
    if (m) {
      const v = m[2] !== '' ? m[2] : argv[++i];
      if (v === undefined) return bad(`option requires an argument -- '${m[1]}'`);
      if (m[1] === 'n' || m[1] === 'L' || m[1] === 's' || m[1] === 'P') {
        if (!/^\d+$/.test(v)) return bad(`invalid number "${v}" for -${m[1]} option`);
        if (m[1] === 'n') maxArgs = Number(v);
        if (m[1] === 'L') maxLines = Number(v);
      } else if (m[1] === 'I') {
        if (maxArgs > 0)
          ctx.stderr(
            'xargs: warning: options --max-args and --replace/-I/-i are ' +
              'mutually exclusive, ignoring previous --max-args value\n',
          );
        maxArgs = 0;
        repl = v;
      } else if (m[1] === 'd') delim = v === '\\n' ? '\n' : v === '\\t' ? '\t' : v;
      else if (m[1] === 'a') argFile = v;
      continue;
    }
    if (a.startsWith('-i')) {
      repl = a.length > 2 ? a.slice(2) : '{}';
      continue;
    }
    if (a === '--null') {
      delim = '\0';
      continue;
    }
    if (a === '--no-run-if-empty') {
      noEmpty = true;
      continue;
    }
    if (a === '--verbose') {
      trace = true;
      continue;
    }
    for (const c of a.slice(1)) {
      if (c === '0') delim = '\0';
      else if (c === 't') trace = true;
      else if (c === 'r') noEmpty = true;
      else if (c === 'x' || c === 'p' || c === 'o') continue;
      else return bad(`invalid option -- '${c}'`);
    }
  }
  const command = argv.slice(i).length > 0 ? argv.slice(i) : ['echo'];
  let input: string;
  if (argFile !== undefined) {
    // -a FILE: arguments come from the file; the command keeps xargs' stdin (GNU).
    try {
      input = text(ctx.proc.readFile(argFile));
    } catch (e) {
      ctx.stderr(`xargs: Cannot open input file ‘${argFile}’: ${errText(e)}\n`);
      return 1;
    }
  } else input = text(ctx.stdin);
  let groups: string[][];
  let parseError: string | undefined;
  if (delim !== undefined) {
    const items = input.split(delim);
    if (items[items.length - 1] === '') items.pop();
    groups = repl !== undefined ? items.map((x) => [x]) : [items];
  } else {
    try {
      groups = splitDefault(
        repl !== undefined ? input.replace(/^[ \t]+/gm, '') : input,
        repl !== undefined || maxLines > 0,
      );
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      parseError = e.message;
      groups = (e as ParseError & { lines: string[][] }).lines;
    }
    // -I: the whole line is the argument, inner blanks included.
    if (repl !== undefined)
      groups = input
        .split('\n')
        .map((l) => l.replace(/^[ \t]+/, ''))
        .filter((l) => l !== '')
        .map((l) => [splitDefault(l, true).flat().join(' ')]);
  }
  const truncated = parseError !== undefined;
  // Batches of arguments, one command line each.
  const batches: string[][] = [];
  if (repl !== undefined) for (const g of groups) batches.push(g);
  else if (maxLines > 0)
    for (let k = 0; k < groups.length; k += maxLines) batches.push(groups.slice(k, k + maxLines).flat());
  else {
    const all = groups.flat();
    if (maxArgs > 0) for (let k = 0; k < all.length; k += maxArgs) batches.push(all.slice(k, k + maxArgs));
    else if (all.length > 0 || (!noEmpty && !truncated)) batches.push(all);
  }
  if (truncated && batches.at(-1)?.length === 0) batches.pop();
  let status = 0;
  for (const batch of batches) {
    const words = repl !== undefined ? command.map((w) => w.split(repl!).join(batch[0] ?? '')) : [...command, ...batch];
    const line = words.map(shellQuote).join(' ');
    if (trace) ctx.stderr(`${line}\n`);
    const rc = await ctx.shell.runLine(
      line,
      {
        stdin: argFile !== undefined ? ctx.stdin : new Uint8Array(),
        stdout: ctx.stdout,
        stderr: ctx.stderr,
        stdinIsTerminal: false,
        stdoutIsTerminal: ctx.stdoutIsTerminal,
      },
      childLineOptions(ctx),
    );
    if (rc === 255) {
      ctx.stderr(`xargs: ${command[0]}: exited with status 255; aborting\n`);
      return 124;
    }
    if (rc === 127 || rc === 126) return rc;
    if (rc !== 0) status = 123;
  }
  if (parseError !== undefined) {
    ctx.stderr(`xargs: ${parseError}\n`);
    return 1;
  }
  return status;
}

export const xargs: CommandSpec = {
  name: 'xargs',
  summary: 'build and execute command lines from standard input',
  flags: ['-n', '-I', '-0', '-t', '-r', '-d', '-L'],
  run,
};
