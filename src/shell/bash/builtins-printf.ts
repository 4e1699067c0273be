// printf(1) as bash's builtin does it: the format is reused until the arguments run out,
// %b expands escapes in its argument, %q quotes, and a bad number warns but still prints.

export interface PrintfResult {
  out: string;
  errors: string[];
}

/** A byte made by an escape (\xff, \377) stands in the text as a character of this private-use
 * block, so that writing the text gives that one byte, as bash does, and not its UTF-8 code. */
const RAW_BYTE = 0xf700;

/** One byte as the escapes make it: a character below 0x80 is itself. */
function byteChar(v: number): string {
  return String.fromCharCode(v < 0x80 ? v : RAW_BYTE + v);
}

/** The text to write: as it is, or as bytes when escapes made raw bytes in it. */
export function escapedOutput(text: string): string | Uint8Array {
  if (!/[\uf780-\uf7ff]/.test(text)) return text;
  const enc = new TextEncoder();
  const parts: number[] = [];
  for (const piece of text.split(/([\uf780-\uf7ff]+)/)) {
    if (piece === '') continue;
    if (/^[\uf780-\uf7ff]/.test(piece)) for (const ch of piece) parts.push(ch.charCodeAt(0) - RAW_BYTE);
    else for (const b of enc.encode(piece)) parts.push(b);
  }
  return Uint8Array.from(parts);
}

/** Backslash escapes of echo -e and %b; `stop` is set by \c. */
export function expandEscapes(s: string, forEcho: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s.charAt(++i);
    switch (n) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'a':
        out += '\x07';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'v':
        out += '\v';
        break;
      case 'e':
      case 'E':
        out += '\x1b';
        break;
      case '\\':
        out += '\\';
        break;
      case 'c':
        return { text: out, stop: true };
      case 'x': {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
        if (m) {
          out += byteChar(parseInt(m[0], 16));
          i += m[0].length;
        } else out += '\\x';
        break;
      }
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        const max = forEcho && n === '0' ? 4 : 3;
        const m = new RegExp(`^[0-7]{1,${max}}`).exec(s.slice(i));
        const digits = (m as RegExpExecArray)[0];
        const v = parseInt(forEcho && n === '0' ? digits.slice(1) || '0' : digits, 8);
        out += byteChar(v & 0xff);
        i += digits.length - 1;
        break;
      }
      default:
        out += `\\${n}`;
    }
  }
  return { text: out, stop: false };
}

/** bash's printf %q: specials escaped one by one with a backslash (`a\ b`), not single-quoted. */
function backslashQuote(s: string): string {
  if (s === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return s.replace(/[^A-Za-z0-9_@%+=:,./-]/g, '\\$&');
}

export function printf(format: string, args: string[]): PrintfResult {
  const errors: string[] = [];
  let out = '';
  let ai = 0;
  const next = (): string | undefined => args[ai++];
  const num = (s: string | undefined, float: boolean): number => {
    if (s === undefined || s === '') return 0;
    if (/^['"]/.test(s)) return s.codePointAt(1) ?? 0;
    const v = float
      ? Number(s)
      : /^[-+]?0[xX][0-9a-fA-F]+$/.test(s)
        ? parseInt(s, 16)
        : /^[-+]?0[0-7]+$/.test(s)
          ? parseInt(s, 8)
          : Number(s);
    if (Number.isNaN(v) || (!float && !/^[-+]?(0[xX][0-9a-fA-F]+|\d+)$/.test(s.trim()))) {
      errors.push(`printf: ${s}: invalid number`);
      const lead = /^[-+]?\d+/.exec(s);
      return lead ? Number(lead[0]) : 0;
    }
    return v;
  };
  const pad = (s: string, flags: string, width: number): string => {
    if (s.length >= width) return s;
    if (flags.includes('-')) return s + ' '.repeat(width - s.length);
    if (flags.includes('0') && /^[-+]?\d/.test(s)) {
      const sign = /^[-+]/.test(s) ? s.charAt(0) : '';
      return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
    }
    return ' '.repeat(width - s.length) + s;
  };
  for (;;) {
    const startAi = ai;
    let stopped = false;
    for (let i = 0; i < format.length; i++) {
      const c = format.charAt(i);
      if (c === '\\') {
        const end = /^\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/s.exec(format.slice(i));
        const piece = end ? end[0] : '\\';
        out += expandEscapes(piece, false).text;
        i += piece.length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+)?)?([sdibqouxXfeEgGc%])/.exec(format.slice(i));
      if (!m) {
        errors.push(`printf: \`${format.slice(i + 1, i + 2) || '%'}': invalid format character`);
        return { out, errors };
      }
      i += m[0].length - 1;
      const flags = m[1] ?? '';
      const width = m[2] === '*' ? num(next(), false) : Number(m[2] ?? 0);
      const precRaw = m[3] === '*' ? String(num(next(), false)) : m[3];
      const prec = m[0].includes('.') ? Number(precRaw ?? 0) : undefined;
      const conv = m[4] ?? '';
      if (conv === '%') {
        out += '%';
        continue;
      }
      const arg = next();
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          break;
        case 'b': {
          const e = expandEscapes(arg ?? '', true);
          s = e.text;
          stopped = e.stop;
          break;
        }
        case 'q':
          s = backslashQuote(arg ?? '');
          break;
        case 'c':
          s = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i': {
          const v = Math.trunc(num(arg, false));
          s =
            (v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') +
            String(Math.abs(v)).padStart(prec ?? 0, '0');
          break;
        }
        case 'o':
          s = (Math.trunc(num(arg, false)) >>> 0).toString(8);
          if (flags.includes('#')) s = `0${s}`;
          break;
        case 'u':
          s = String(Math.trunc(num(arg, false)));
          break;
        case 'x':
          s = (Math.trunc(num(arg, false)) >>> 0).toString(16);
          if (flags.includes('#') && s !== '0') s = `0x${s}`;
          break;
        case 'X':
          s = (Math.trunc(num(arg, false)) >>> 0).toString(16).toUpperCase();
          if (flags.includes('#') && s !== '0') s = `0X${s}`;
          break;
        case 'f':
          s = num(arg, true).toFixed(prec ?? 6);
          break;
        case 'e':
        case 'E': {
          s = num(arg, true)
            .toExponential(prec ?? 6)
            .replace(/e([+-])(\d)$/, 'e$10$2');
          if (conv === 'E') s = s.toUpperCase();
          break;
        }
        default: {
          s = String(Number(num(arg, true).toPrecision(prec || 6)));
          break;
        }
      }
      out += pad(s, flags, width);
      if (stopped) return { out, errors };
    }
    if (ai >= args.length || ai === startAi) break;
  }
  return { out, errors };
}
