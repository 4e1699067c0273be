// cmp as GNU diffutils and busybox run it: the first differing byte and its line ("a b differ:
// byte 5, line 2"; busybox says "char"), -l every differing byte in octal, -s only the status,
// and "EOF on" the shorter file (GNU adds where, or "which is empty"). Status 0 same, 1 different,
// 2 trouble. Checked against diffutils 3.8 and busybox-static 1.35 (compare-vs-gnu in the tests).
import type { CommandContext, CommandSpec } from '../../command.js';
import { isBusybox } from '../busybox/formats.js';
import { errText, parseOptions, withUsage } from '../options.js';

function cmp(ctx: CommandContext): Promise<number> {
  const busybox = isBusybox(ctx);
  return withUsage(ctx, 2, () => {
    const parsed = parseOptions('cmp', ctx.argv.slice(1), {
      short: 'ls',
      long: busybox ? {} : { verbose: 'l', quiet: 's', silent: 's' },
    });
    const list = parsed.flags.has('l');
    const silent = parsed.flags.has('s');
    const [n1, n2 = '-', ...extra] = parsed.operands;
    if (n1 === undefined) {
      ctx.stderr(
        busybox
          ? 'cmp: missing operand\n'
          : "cmp: missing operand after 'cmp'\ncmp: Try 'cmp --help' for more information.\n",
      );
      return 2;
    }
    if (extra.length > 0 && !busybox) {
      ctx.stderr(`cmp: invalid --ignore-initial value '${extra[0]}'\ncmp: Try 'cmp --help' for more information.\n`);
      return 2;
    }
    const read = (name: string): Uint8Array | undefined => {
      if (name === '-') return ctx.stdin;
      try {
        return ctx.proc.readFile(name);
      } catch (e) {
        ctx.stderr(`cmp: ${name}: ${errText(e)}\n`);
        return undefined;
      }
    };
    const a = read(n1);
    const b = read(n2);
    if (!a || !b) return 2;
    const common = Math.min(a.length, b.length);
    const width = String(common).length;
    let line = 1;
    let status = 0;
    let out = '';
    for (let i = 0; i < common; i++) {
      if (a[i] !== b[i]) {
        status = 1;
        if (silent) break;
        if (!list) {
          out += `${n1} ${n2} differ: ${busybox ? 'char' : 'byte'} ${i + 1}, line ${line}\n`;
          break;
        }
        const pos = busybox ? String(i + 1) : String(i + 1).padStart(width);
        out += `${pos} ${a[i]!.toString(8).padStart(3)} ${b[i]!.toString(8).padStart(3)}\n`;
      }
      if (a[i] === 0x0a) line++;
    }
    ctx.stdout(out);
    if (a.length !== b.length && (status === 0 || list)) {
      status = 1;
      if (!silent) {
        const shorter = a.length < b.length ? n1 : n2;
        const short = a.length < b.length ? a : b;
        const lines = short.filter((c) => c === 0x0a).length;
        // GNU names the line the EOF came in: after a newline the last whole one, else "in" the next.
        const at = short[common - 1] === 0x0a ? `, line ${lines}` : `, in line ${lines + 1}`;
        const where = common === 0 ? ' which is empty' : `after byte ${common}${list ? '' : at}`;
        ctx.stderr(`cmp: EOF on ${shorter}${busybox ? '' : common === 0 ? where : ` ${where}`}\n`);
      }
    }
    return status;
  });
}

export const cmpCommand: CommandSpec = {
  name: 'cmp',
  run: cmp,
  summary: 'compare two files byte by byte (-l every difference, -s only the status)',
};
