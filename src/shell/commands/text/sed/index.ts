// sed (GNU sed 4.9): runs the script parsed by parse.ts over the input as one stream of
// lines (or per file with -s/-i). `-i[SUFFIX]` writes a NEW file beside the original and
// renames it over the original, as GNU does, so the file's inode changes — a lesson shows that.
import type { CommandContext, CommandSpec } from '../../../command.js';
import { errText } from '../../options.js';
import { text } from '../operands.js';
import { sedHelp, sedVersion } from '../help-texts.js';
import { type Cmd, parseScript, SedError } from './parse.js';
import { BudgetExceeded } from '../../../../kernel/index.js';
import { execute, Input, type Line, type State, toLines } from './exec.js';

// GNU sed's usage on a bad option is its --help text without the bug-report line.
const USAGE = sedHelp.replace('E-mail bug reports to: <bug-sed@gnu.org>.\n', '');

export async function runSed(ctx: CommandContext): Promise<number> {
  const argv = ctx.argv.slice(1);
  const exprs: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let extended = false;
  let inPlace: string | undefined;
  let separate = false;
  let nul = false;
  // (the update reads the word after any the body consumed as an option's value)
  for (let k = 0, a = argv[0]; a !== undefined; a = argv[++k]) {
    if (a === '--') {
      files.push(...argv.slice(k + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [key, val] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (key === '--help' || key === '--version') {
        ctx.stdout(key === '--help' ? sedHelp : sedVersion);
        return 0;
      }
      if (key === '--quiet' || key === '--silent') quiet = true;
      else if (key === '--regexp-extended') extended = true;
      else if (key === '--in-place') inPlace = val ?? '';
      else if (key === '--separate') separate = true;
      else if (key === '--expression') exprs.push(val ?? argv[++k] ?? '');
      else if (key === '--null-data') nul = true;
      else if (key === '--posix' || key === '--unbuffered' || key === '--sandbox' || key === '--debug') continue;
      else {
        ctx.stderr(`sed: unrecognized option '${a}'\n${USAGE}`);
        return 1;
      }
      continue;
    }
    if (a.length > 1 && a.startsWith('-')) {
      for (let j = 1; j < a.length; j++) {
        const c = a.charAt(j);
        if (c === 'n') quiet = true;
        else if (c === 'E' || c === 'r') extended = true;
        else if (c === 's') separate = true;
        else if (c === 'z') nul = true;
        else if (c === 'u') continue;
        else if (c === 'i') {
          inPlace = a.slice(j + 1);
          break;
        } else if (c === 'e' || c === 'f') {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++k];
          if (v === undefined) {
            ctx.stderr(`sed: option requires an argument -- '${c}'\n${USAGE}`);
            return 1;
          }
          if (c === 'e') exprs.push(v);
          else {
            try {
              exprs.push(text(ctx.proc.readFile(v)).replace(/\n$/, ''));
            } catch (e) {
              ctx.stderr(`sed: couldn't open file ${v}: ${errText(e)}\n`);
              return 1;
            }
          }
          break;
        } else {
          ctx.stderr(`sed: invalid option -- '${c}'\n${USAGE}`);
          return 1;
        }
      }
      continue;
    }
    files.push(a);
  }
  if (exprs.length === 0) {
    const s = files.shift();
    if (s === undefined) {
      ctx.stderr(USAGE);
      return 1;
    }
    exprs.push(s);
  }
  let cmds: Cmd[];
  try {
    cmds = parseScript(exprs, { extended });
  } catch (e) {
    if (e instanceof SedError) {
      ctx.stderr(`sed: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const labels = new Map<string, number>();
  cmds.forEach((c, k) => c.name === ':' && labels.set(c.label!, k));
  for (const c of cmds) {
    if ((c.name === 'b' || c.name === 't' || c.name === 'T') && c.label && !labels.has(c.label)) {
      ctx.stderr(`sed: can't find label for jump to \`${c.label}'\n`);
      return 4;
    }
  }
  // GNU opens (and truncates) every `w` file before reading any input.
  for (const c of cmds) {
    const f = c.name === 'w' || c.name === 'W' ? c.text : c.subst?.write;
    if (f !== undefined && !f.startsWith('/dev/std')) {
      try {
        ctx.proc.writeFile(f, '');
      } catch (e) {
        ctx.stderr(`sed: couldn't open file ${f}: ${errText(e)}\n`);
        return 4;
      }
    }
  }
  if (inPlace !== undefined && files.length === 0) {
    ctx.stderr('sed: no input files\n');
    return 1;
  }
  const sep = nul ? '\0' : '\n';
  let status = 0;
  const read = (f: string): Line[] | undefined => {
    if (f === '-') return toLines(text(ctx.stdin), sep);
    try {
      return toLines(text(ctx.proc.readFile(f)), sep);
    } catch (e) {
      const isDir = (e as { code?: string }).code === 'EISDIR';
      const dirError =
        inPlace !== undefined ? `couldn't edit ${f}: not a regular file` : `read error on ${f}: Is a directory`;
      ctx.stderr(isDir ? `sed: ${dirError}\n` : `sed: can't read ${f}: ${errText(e)}\n`);
      status = isDir && inPlace === undefined ? 4 : 2;
      return undefined;
    }
  };
  const state: State = { ps: '', hs: '', out: [], append: [], lastRe: null, tflag: false, rfiles: new Map() };
  const inputs = files.length > 0 ? files : ['-'];
  try {
    if (inPlace !== undefined || separate) {
      let lineNo = 0;
      for (const f of inputs) {
        const lines = read(f);
        if (!lines) continue;
        state.out = [];
        const input = new Input(lines, inPlace !== undefined ? 0 : lineNo);
        // Under the budget's preemption: a regex may backtrack where no tick can count it.
        ctx.budget.sync(() => execute(ctx, cmds, labels, input, state, quiet, sep));
        lineNo = input.lineNo;
        if (inPlace !== undefined) {
          const err = writeInPlace(ctx, f, state.out.join(''), inPlace);
          if (err !== undefined) {
            ctx.stderr(`sed: ${err}\n`);
            return 4;
          }
        } else ctx.stdout(state.out.join(''));
        if (state.quit !== undefined) break;
      }
    } else {
      const all: Line[] = [];
      for (const f of inputs) {
        const lines = read(f);
        if (!lines) continue;
        // Files run together: a file without a final newline still ends its last line.
        const last = all.at(-1);
        if (last && !last.nl) last.nl = true;
        all.push(...lines);
      }
      ctx.budget.sync(() => execute(ctx, cmds, labels, new Input(all, 0), state, quiet, sep));
      if (state.out.length > 0) ctx.stdout(state.out.join(''));
    }
  } catch (e) {
    // What sed had written reaches the terminal before it is stopped.
    if (e instanceof BudgetExceeded && inPlace === undefined) ctx.stdout(state.out.join(''));
    throw e;
  }
  return state.quit ?? status;
}

/** GNU sed -i: write a temporary file in the same directory, then rename it over the original. */
function writeInPlace(ctx: CommandContext, file: string, data: string, suffix: string): string | undefined {
  const slash = file.lastIndexOf('/');
  const dir = slash < 0 ? './' : file.slice(0, slash + 1);
  const base = file.slice(slash + 1);
  const tmp = `${dir}sed${tmpSuffix(ctx)}`;
  const st = ctx.proc.stat(file);
  try {
    ctx.proc.writeFile(tmp, data, { create: true, exclusive: true }, st.mode & 0o7777);
  } catch (e) {
    return `couldn't open temporary file ${tmp}: ${errText(e)}`;
  }
  try {
    ctx.proc.chown(tmp, st.uid, st.gid);
  } catch {
    // As GNU: keeping the owner is best effort (an unprivileged user cannot give files away).
  }
  try {
    // The mode after the owner, as GNU sed does: chown(2) drops set-user-ID.
    ctx.proc.chmod(tmp, st.mode & 0o7777);
  } catch (e) {
    return `couldn't open temporary file ${tmp}: ${errText(e)}`;
  }
  try {
    if (suffix !== '') {
      const backup = suffix.includes('*') ? suffix.replace(/\*/g, base) : `${base}${suffix}`;
      ctx.proc.rename(file, backup.includes('/') ? backup : `${dir}${backup}`);
    }
    ctx.proc.rename(tmp, file);
  } catch (e) {
    return `cannot rename ${tmp}: ${errText(e)}`;
  }
  return undefined;
}

let tmpCounter = 0;
function tmpSuffix(ctx: CommandContext): string {
  // mkstemp's six characters; deterministic here, unique within the session.
  void ctx;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let n = ++tmpCounter * 7919 + 104729;
  let s = '';
  for (let k = 0; k < 6; k++) {
    s += alphabet[n % alphabet.length];
    n = Math.floor(n / alphabet.length) + k * 31;
  }
  return s;
}

export const sed: CommandSpec = {
  name: 'sed',
  summary: 'stream editor for filtering and transforming text',
  flags: ['-n', '-e', '-E', '-r', '-i', '-s', '-z', '--in-place', '--expression='],
  run: runSed,
};
