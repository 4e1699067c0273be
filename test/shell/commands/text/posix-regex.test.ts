// The POSIX-to-JS regex translation: unit cases, and `grep -o` spans recorded from GNU grep 3.8
// (C.UTF-8) for BRE and ERE patterns over one input, matched here through compileRegex.
import { describe, expect, it } from 'vitest';
import { compileRegex, longestAt, RegexError, translate } from '../../../../src/shell/commands/text/posix-regex.js';

const INPUT =
  'abc aXc a.c a*c\nfoo123 bar_45 x-y\n(paren) [bracket] {brace}\nhello world Hello WORLD\naaa ab abab\n\tTab line  \nsha256:9f54eef4 /var/lib/docker/overlay2\na+b a?b a|b\n';

const golden: { pattern: string; ere: boolean; out: string; code: number }[] = [
  {
    pattern: 'a.c',
    ere: false,
    out: 'abc\naXc\na.c\na*c\n',
    code: 0,
  },
  {
    pattern: 'a\\.c',
    ere: false,
    out: 'a.c\n',
    code: 0,
  },
  {
    pattern: 'a*c',
    ere: false,
    out: 'c\nc\nc\nc\nac\nac\nc\n',
    code: 0,
  },
  {
    pattern: '\\(ab\\)*',
    ere: false,
    out: 'ab\nab\nabab\nab\n',
    code: 0,
  },
  {
    pattern: '\\(ab\\)\\{2\\}',
    ere: false,
    out: 'abab\n',
    code: 0,
  },
  {
    pattern: 'a\\+',
    ere: false,
    out: 'a\na\na\na\na\na\na\na\naaa\na\na\na\na\na\na\na\na\na\na\n',
    code: 0,
  },
  {
    pattern: 'a\\?b',
    ere: false,
    out: 'ab\nb\nb\nb\nab\nab\nab\nab\nb\nb\nb\nb\n',
    code: 0,
  },
  {
    pattern: 'a\\|b',
    ere: false,
    out: 'a\nb\na\na\na\nb\na\na\nb\na\nb\na\na\na\na\na\nb\na\nb\na\nb\na\nb\na\na\nb\na\na\nb\na\nb\na\nb\n',
    code: 0,
  },
  {
    pattern: '[[:digit:]]\\+',
    ere: false,
    out: '123\n45\n256\n9\n54\n4\n2\n',
    code: 0,
  },
  {
    pattern: '[[:alpha:]_]*',
    ere: false,
    out: 'abc\naXc\na\nc\na\nc\nfoo\nbar_\nx\ny\nparen\nbracket\nbrace\nhello\nworld\nHello\nWORLD\naaa\nab\nabab\nTab\nline\nsha\nf\neef\nvar\nlib\ndocker\noverlay\na\nb\na\nb\na\nb\n',
    code: 0,
  },
  {
    pattern: '[^[:space:]]\\+',
    ere: false,
    out: 'abc\naXc\na.c\na*c\nfoo123\nbar_45\nx-y\n(paren)\n[bracket]\n{brace}\nhello\nworld\nHello\nWORLD\naaa\nab\nabab\nTab\nline\nsha256:9f54eef4\n/var/lib/docker/overlay2\na+b\na?b\na|b\n',
    code: 0,
  },
  {
    pattern: '^[a-z]*',
    ere: false,
    out: 'abc\nfoo\nhello\naaa\nsha\na\n',
    code: 0,
  },
  {
    pattern: '[a-z]*$',
    ere: false,
    out: 'c\ny\nabab\nb\n',
    code: 0,
  },
  {
    pattern: '\\<[a-z]',
    ere: false,
    out: 'a\na\na\nc\na\nc\nf\nb\nx\ny\np\nb\nb\nh\nw\na\na\na\nl\ns\nv\nl\nd\no\na\nb\na\nb\na\nb\n',
    code: 0,
  },
  {
    pattern: '[a-z]\\>',
    ere: false,
    out: 'c\nc\na\nc\na\nc\nx\ny\nn\nt\ne\no\nd\no\na\nb\nb\nb\ne\nr\nb\nr\na\nb\na\nb\na\nb\n',
    code: 0,
  },
  {
    pattern: '\\w\\+',
    ere: false,
    out: 'abc\naXc\na\nc\na\nc\nfoo123\nbar_45\nx\ny\nparen\nbracket\nbrace\nhello\nworld\nHello\nWORLD\naaa\nab\nabab\nTab\nline\nsha256\n9f54eef4\nvar\nlib\ndocker\noverlay2\na\nb\na\nb\na\nb\n',
    code: 0,
  },
  {
    pattern: '\\W',
    ere: false,
    out: ' \n \n.\n \n*\n \n \n-\n(\n)\n \n[\n]\n \n{\n}\n \n \n \n \n \n\t\n \n \n \n:\n \n/\n/\n/\n/\n+\n \n?\n \n|\n',
    code: 0,
  },
  {
    pattern: '\\bwor',
    ere: false,
    out: 'wor\n',
    code: 0,
  },
  {
    pattern: '[]a]',
    ere: false,
    out: 'a\na\na\na\na\na\na\n]\na\na\na\na\na\na\na\na\na\na\na\na\na\na\n',
    code: 0,
  },
  {
    pattern: '[^]a-z ]\\+',
    ere: false,
    out: 'X\n.\n*\n123\n_45\n-\n(\n)\n[\n{\n}\nH\nWORLD\n\tT\n256:9\n54\n4\n/\n/\n/\n/\n2\n+\n?\n|\n',
    code: 0,
  },
  {
    pattern: 'a+b',
    ere: false,
    out: 'a+b\n',
    code: 0,
  },
  {
    pattern: 'a?b',
    ere: false,
    out: 'a?b\n',
    code: 0,
  },
  {
    pattern: 'a|b',
    ere: false,
    out: 'a|b\n',
    code: 0,
  },
  {
    pattern: '{brace}',
    ere: false,
    out: '{brace}\n',
    code: 0,
  },
  {
    pattern: '*c',
    ere: false,
    out: '*c\n',
    code: 0,
  },
  {
    pattern: '\\(paren\\)',
    ere: false,
    out: 'paren\n',
    code: 0,
  },
  {
    pattern: '(paren)',
    ere: false,
    out: '(paren)\n',
    code: 0,
  },
  {
    pattern: '[0-9a-f]\\{8\\}',
    ere: false,
    out: '9f54eef4\n',
    code: 0,
  },
  {
    pattern: '/[^/]*$',
    ere: false,
    out: '/overlay2\n',
    code: 0,
  },
  {
    pattern: 'x-y',
    ere: false,
    out: 'x-y\n',
    code: 0,
  },
  {
    pattern: '\\.',
    ere: false,
    out: '.\n',
    code: 0,
  },
  {
    pattern: '^\\t',
    ere: false,
    out: '',
    code: 1,
  },
  {
    pattern: '[.]',
    ere: false,
    out: '.\n',
    code: 0,
  },
  {
    pattern: '$',
    ere: false,
    out: '',
    code: 0,
  },
  {
    pattern: 'a.c',
    ere: true,
    out: 'abc\naXc\na.c\na*c\n',
    code: 0,
  },
  {
    pattern: '(ab)+',
    ere: true,
    out: 'ab\nab\nabab\nab\n',
    code: 0,
  },
  {
    pattern: '(ab){2}',
    ere: true,
    out: 'abab\n',
    code: 0,
  },
  {
    pattern: 'a+',
    ere: true,
    out: 'a\na\na\na\na\na\na\na\naaa\na\na\na\na\na\na\na\na\na\na\n',
    code: 0,
  },
  {
    pattern: 'a?b',
    ere: true,
    out: 'ab\nb\nb\nb\nab\nab\nab\nab\nb\nb\nb\nb\n',
    code: 0,
  },
  {
    pattern: 'a|b',
    ere: true,
    out: 'a\nb\na\na\na\nb\na\na\nb\na\nb\na\na\na\na\na\nb\na\nb\na\nb\na\nb\na\na\nb\na\na\nb\na\nb\na\nb\n',
    code: 0,
  },
  {
    pattern: '[[:upper:]]+',
    ere: true,
    out: 'X\nH\nWORLD\nT\n',
    code: 0,
  },
  {
    pattern: '[[:punct:]]',
    ere: true,
    out: '.\n*\n_\n-\n(\n)\n[\n]\n{\n}\n:\n/\n/\n/\n/\n+\n?\n|\n',
    code: 0,
  },
  {
    pattern: '^(foo|bar)[0-9]+',
    ere: true,
    out: 'foo123\n',
    code: 0,
  },
  {
    pattern: '[0-9]{2,}',
    ere: true,
    out: '123\n45\n256\n54\n',
    code: 0,
  },
  {
    pattern: '\\(paren\\)',
    ere: true,
    out: '(paren)\n',
    code: 0,
  },
  {
    pattern: 'a\\|b',
    ere: true,
    out: 'a|b\n',
    code: 0,
  },
  {
    pattern: '\\{brace\\}',
    ere: true,
    out: '{brace}\n',
    code: 0,
  },
  {
    pattern: 'sha256:[0-9a-f]+',
    ere: true,
    out: 'sha256:9f54eef4\n',
    code: 0,
  },
  {
    pattern: '(^| )a',
    ere: true,
    out: 'a\n a\n a\n a\na\n a\n a\na\n a\n a\n',
    code: 0,
  },
  {
    pattern: 'o{1}',
    ere: true,
    out: 'o\no\no\no\no\no\no\n',
    code: 0,
  },
  {
    pattern: '[[:blank:]]+',
    ere: true,
    out: ' \n \n \n \n \n \n \n \n \n \n \n \n\t\n \n  \n \n \n \n',
    code: 0,
  },
  {
    pattern: '\\<[A-Z]+\\>',
    ere: true,
    out: 'WORLD\n',
    code: 0,
  },
  {
    pattern: 'x{',
    ere: true,
    out: '',
    code: 1,
  },
  {
    pattern: '[[:xdigit:]]{4}',
    ere: true,
    out: 'abab\na256\n9f54\neef4\n',
    code: 0,
  },
];

/** grep -o: every non-empty match of each line, leftmost first. */
function grepO(re: RegExp, input: string): string {
  const g = new RegExp(re.source, `${re.flags}g`);
  let out = '';
  for (const line of input.replace(/\n$/, '').split('\n')) {
    for (const m of line.matchAll(g)) if (m[0] !== '') out += `${m[0]}\n`;
  }
  return out;
}

describe('regex: grep -o spans match GNU', () => {
  it.each(golden.map((c) => [`${c.ere ? 'ERE' : 'BRE'} ${c.pattern}`, c] as const))('%s', (_n, c) => {
    expect(grepO(compileRegex(c.pattern, { extended: c.ere }), INPUT)).toBe(c.out);
  });
});

describe('regex: translation', () => {
  it('BRE: \\( \\) groups; ( ) + ? | { } literal', () => {
    expect(translate('\\(a\\)(b)+?|{c}').source).toBe('(a)\\(b\\)\\+\\?\\|\\{c\\}');
    expect(translate('\\(a\\)\\1').groups).toBe(1);
  });
  it('a leading * is literal in BRE', () => {
    expect(compileRegex('*a').test('*a')).toBe(true);
    expect(compileRegex('^*a').test('*a')).toBe(true);
  });
  it('^ and $ are literal in the middle of a BRE, anchors in ERE', () => {
    expect(compileRegex('a^b$c').test('a^b$c')).toBe(true);
    expect(compileRegex('a^b', { extended: true }).test('a^b')).toBe(false);
  });
  it('bracket expressions: ] first, classes, backslash literal (an escape in awk)', () => {
    expect(compileRegex('[]x]').test(']')).toBe(true);
    expect(compileRegex('[\\n]').test('\\')).toBe(true);
    expect(compileRegex('[\\n]', { extended: true, awk: true }).test('\n')).toBe(true);
    expect(compileRegex('[[:upper:][:digit:]]+', { extended: true }).exec('abC9d')?.[0]).toBe('C9');
  });
  it('ignore case, and . across newlines (sed N)', () => {
    expect(compileRegex('hello', { ignoreCase: true }).test('HeLLo')).toBe(true);
    expect(compileRegex('a.b').test('a\nb')).toBe(true);
  });
  it('GNU error texts', () => {
    const msg = (p: string, extended = false): string => {
      try {
        translate(p, { extended });
        return '';
      } catch (e) {
        return e instanceof RegexError ? e.message : String(e);
      }
    };
    expect(msg('a\\(')).toBe('Unmatched ( or \\(');
    expect(msg('a(', true)).toBe('Unmatched ( or \\(');
    expect(msg('a\\)')).toBe('Unmatched ) or \\)');
    expect(msg('[a')).toBe('Unmatched [, [^, [:, [., or [=');
    expect(msg('[')).toBe('Invalid regular expression');
    expect(msg('[[:foo:]]')).toBe('Invalid character class name');
    expect(msg('[z-a]')).toBe('Invalid range end');
    expect(msg('a\\{1')).toBe('Unmatched \\{');
    expect(msg('\\(a\\)\\2')).toBe('Invalid back reference');
    expect(msg('a\\')).toBe('Trailing backslash');
  });
  it('longestAt: POSIX leftmost-longest over JS leftmost-first alternation', () => {
    const re = compileRegex('a|ab|abc', { extended: true });
    expect(longestAt(re, 'xabcd', re.exec('xabcd')!)[0]).toBe('abc');
    expect(longestAt(re, 'xabcd', re.exec('xabcd')!).index).toBe(1);
    const plain = compileRegex('ab*');
    const m = plain.exec('abbb')!;
    expect(longestAt(plain, 'abbb', m)).toBe(m);
  });
});
