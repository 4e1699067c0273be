// fmt.Sprintf's format parsing: flags, width and precision (also from * arguments), explicit
// argument indexes [n], and Go's error forms (%!v(MISSING), %!(EXTRA ...), %!(BADWIDTH), ...).

import { Printer, noFlags } from './fmt.js';
import { kindOf, typeName } from './value.js';

const TOO_LARGE = 1e6;

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly unknown[]): string {
  const p = new Printer();
  let argNum = 0;
  let reordered = false;
  let goodArgNum = true;
  let afterIndex = false;
  const end = format.length;
  let i = 0;

  /** An explicit argument index "[n]"; sets afterIndex the way Go's argNumber reports "found". */
  const argNumber = (): void => {
    afterIndex = false;
    if (i >= end || format[i] !== '[') return;
    reordered = true;
    const close = format.indexOf(']', i + 1);
    if (format.length - i < 3 || close < 0) {
      goodArgNum = false;
      i += 1;
      return;
    }
    const text = format.slice(i + 1, close);
    i = close + 1;
    if (!/^[0-9]+$/.test(text) || Number(text) > TOO_LARGE) {
      goodArgNum = false;
      return;
    }
    afterIndex = true;
    const n = Number(text) - 1;
    if (n < 0 || n >= args.length) goodArgNum = false;
    else argNum = n;
  };
  const parseNum = (): number | undefined => {
    const m = /^[0-9]+/.exec(format.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    const n = Number(m[0]);
    return n > TOO_LARGE ? Number.NaN : n;
  };
  const intFromArg = (): number | undefined => {
    if (argNum >= args.length) return undefined;
    const a = args[argNum++];
    if (kindOf(a) !== 'int') return undefined;
    const n = Number(a);
    return Math.abs(n) > TOO_LARGE ? undefined : n;
  };

  while (i < end) {
    goodArgNum = true;
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      p.buf += format.slice(i);
      break;
    }
    p.buf += format.slice(i, pct);
    i = pct + 1;
    p.f = noFlags();
    for (; i < end; i++) {
      const c = format[i];
      if (c === '#') p.f.sharp = true;
      else if (c === '0') p.f.zero = !p.f.minus;
      else if (c === '+') p.f.plus = true;
      else if (c === '-') {
        p.f.minus = true;
        p.f.zero = false;
      } else if (c === ' ') p.f.space = true;
      else break;
    }
    argNumber();
    if (format[i] === '*') {
      i++;
      const w = intFromArg();
      if (w === undefined) p.buf += '%!(BADWIDTH)';
      else if (w < 0) {
        p.f.wid = -w;
        p.f.minus = true;
        p.f.zero = false;
      } else p.f.wid = w;
      afterIndex = false;
    } else {
      const w = parseNum();
      if (w !== undefined && Number.isNaN(w)) i = end;
      else p.f.wid = w;
      if (afterIndex && w !== undefined) goodArgNum = false;
    }
    if (i + 1 <= end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      argNumber();
      if (format[i] === '*') {
        i++;
        const pr = intFromArg();
        if (pr === undefined || pr < 0) p.buf += '%!(BADPREC)';
        else p.f.prec = pr;
        afterIndex = false;
      } else {
        const pr = parseNum();
        if (pr !== undefined && Number.isNaN(pr)) i = end;
        p.f.prec = pr === undefined || Number.isNaN(pr) ? 0 : pr;
      }
    }
    if (!afterIndex) argNumber();
    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    if (verb === '%') p.buf += '%';
    else if (!goodArgNum) p.buf += `%!${verb}(BADINDEX)`;
    else if (argNum >= args.length) p.buf += `%!${verb}(MISSING)`;
    else {
      if (verb === 'v') {
        p.f.sharpV = p.f.sharp;
        p.f.sharp = false;
        p.f.plusV = p.f.plus;
        p.f.plus = false;
      }
      const arg = args[argNum++];
      if (verb === 'w') p.badVerb(verb, arg);
      else p.printArg(arg, verb, 0);
    }
  }
  if (!reordered && argNum < args.length) {
    p.f = noFlags();
    p.buf += '%!(EXTRA ';
    args.slice(argNum).forEach((a, k) => {
      if (k > 0) p.buf += ', ';
      if (a === null || a === undefined) p.buf += '<nil>';
      else {
        p.buf += typeName(a) + '=';
        p.printArg(a, 'v', 0);
      }
    });
    p.buf += ')';
  }
  return p.buf;
}
