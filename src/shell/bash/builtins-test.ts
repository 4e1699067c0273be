// test, [ and [[ ]]: file tests against the simulated filesystem, string and integer
// comparisons, ! ( ) -a -o (&& || inside [[ ]]), with bash's error texts.
import { MAY_EXEC, MAY_READ, MAY_WRITE, mayAccess, type Proc, type Stat } from '../../kernel/index.js';
import { matchPattern } from './glob.js';

export interface TestArg {
  text: string;
  /** The word as a pattern (quoted parts escaped), for [[ x == pat ]]. */
  pattern: string;
  raw: string;
}

const UNARY = new Set([
  '-e',
  '-f',
  '-d',
  '-L',
  '-h',
  '-s',
  '-r',
  '-w',
  '-x',
  '-z',
  '-n',
  '-b',
  '-c',
  '-p',
  '-S',
  '-g',
  '-u',
  '-k',
  '-O',
  '-G',
  '-N',
  '-t',
  '-v',
  '-a',
]);
const BINARY = new Set([
  '=',
  '==',
  '!=',
  '<',
  '>',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
  '=~',
]);

class TestFail {
  constructor(readonly message: string) {}
}

/** true/false, or an error message (without the `bash: [: ` prefix) for exit status 2. */
export function evalTestExpression(args: TestArg[], proc: Proc, extended: boolean): boolean | string {
  let i = 0;
  const peek = (k = 0): TestArg | undefined => args[i + k];
  const isOr = (t?: TestArg): boolean => t !== undefined && (extended ? t.raw === '||' : t.text === '-o');
  const isAnd = (t?: TestArg): boolean => t !== undefined && (extended ? t.raw === '&&' : t.text === '-a');
  const or = (): boolean => {
    let v = and();
    while (isOr(peek())) {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const and = (): boolean => {
    let v = not();
    while (isAnd(peek())) {
      i++;
      const r = not();
      v = v && r;
    }
    return v;
  };
  const not = (): boolean => {
    const t = peek();
    if (t && t.text === '!' && (extended || args.length - i > 1)) {
      i++;
      return !not();
    }
    return primary();
  };
  const primary = (): boolean => {
    const t = peek();
    if (!t) throw new TestFail(extended ? 'unexpected argument to conditional expression' : 'argument expected');
    if (t.text === '(' && (extended || args.length - i > 1)) {
      i++;
      const v = or();
      if (peek()?.text !== ')') throw new TestFail("`)' expected");
      i++;
      return v;
    }
    const op = peek(1);
    if (op && BINARY.has(op.text) && peek(2) !== undefined && !(op.text === '=~' && !extended)) {
      i += 3;
      return binary(t, op.text, args[i - 1] as TestArg);
    }
    if (UNARY.has(t.text) && peek(1) !== undefined && !(t.text === '-a' && !extended)) {
      i += 2;
      return unary(t.text, (args[i - 1] as TestArg).text);
    }
    if (op && !isAnd(op) && !isOr(op) && op.text !== ')') {
      throw new TestFail(extended ? `syntax error in conditional expression` : `${op.text}: binary operator expected`);
    }
    i++;
    return t.text !== '';
  };
  const int = (s: string): number => {
    const t = s.trim();
    if (!/^[-+]?\d+$/.test(t)) throw new TestFail(`${s}: integer expression expected`);
    return Number(t);
  };
  const stat = (p: string, follow = true): Stat | undefined => {
    try {
      return follow ? proc.stat(p) : proc.lstat(p);
    } catch {
      return undefined;
    }
  };
  const unary = (op: string, a: string): boolean => {
    switch (op) {
      case '-z':
        return a === '';
      case '-n':
        return a !== '';
      case '-e':
      case '-a':
        return stat(a) !== undefined;
      case '-f':
        return stat(a)?.type === 'file';
      case '-d':
        return stat(a)?.type === 'dir';
      case '-L':
      case '-h':
        return stat(a, false)?.type === 'symlink';
      case '-s':
        return (stat(a)?.size ?? 0) > 0;
      case '-b':
        return stat(a)?.type === 'blk';
      case '-c':
        return stat(a)?.type === 'chr';
      case '-p':
        return stat(a)?.type === 'fifo';
      case '-S':
        return stat(a)?.type === 'sock';
      // access(2) as the process's user: root reads and writes anything, runs what has an x bit.
      case '-r':
      case '-w': {
        const s = stat(a);
        return s !== undefined && mayAccess(s, proc.cred, op === '-r' ? MAY_READ : MAY_WRITE);
      }
      case '-O':
        return stat(a)?.uid === proc.cred.uid;
      case '-G':
        return stat(a)?.gid === proc.cred.gid;
      case '-x': {
        const s = stat(a);
        if (s === undefined) return false;
        if (proc.cred.uid !== 0) return mayAccess(s, proc.cred, MAY_EXEC);
        return s.type === 'dir' || (s.mode & 0o111) !== 0;
      }
      case '-u':
        return ((stat(a)?.mode ?? 0) & 0o4000) !== 0;
      case '-g':
        return ((stat(a)?.mode ?? 0) & 0o2000) !== 0;
      case '-k':
        return ((stat(a)?.mode ?? 0) & 0o1000) !== 0;
      case '-t':
        return false;
      default:
        return false;
    }
  };
  const binary = (a: TestArg, op: string, b: TestArg): boolean => {
    switch (op) {
      case '=':
      case '==':
        return extended ? matchPattern(b.pattern, a.text) : a.text === b.text;
      case '!=':
        return extended ? !matchPattern(b.pattern, a.text) : a.text !== b.text;
      case '<':
        return a.text < b.text;
      case '>':
        return a.text > b.text;
      case '-eq':
        return int(a.text) === int(b.text);
      case '-ne':
        return int(a.text) !== int(b.text);
      case '-lt':
        return int(a.text) < int(b.text);
      case '-le':
        return int(a.text) <= int(b.text);
      case '-gt':
        return int(a.text) > int(b.text);
      case '-ge':
        return int(a.text) >= int(b.text);
      case '-nt':
        return (stat(a.text)?.mtimeMs ?? -1) > (stat(b.text)?.mtimeMs ?? -1);
      case '-ot':
        return (stat(a.text)?.mtimeMs ?? Infinity) < (stat(b.text)?.mtimeMs ?? Infinity);
      case '-ef': {
        const x = stat(a.text);
        const y = stat(b.text);
        return !!x && !!y && x.ino === y.ino && x.dev === y.dev;
      }
      case '=~':
        try {
          return new RegExp(b.text).test(a.text);
        } catch {
          return false;
        }
      default:
        return false;
    }
  };
  try {
    if (args.length === 0) return false;
    const v = or();
    if (i < args.length) {
      throw new TestFail(extended ? `syntax error in conditional expression` : 'too many arguments');
    }
    return v;
  } catch (err) {
    if (err instanceof TestFail) return err.message;
    throw err;
  }
}
