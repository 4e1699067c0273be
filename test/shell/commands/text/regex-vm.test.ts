// POSIX regular expressions on the linear-time VM (src/shell/commands/text/regex-vm.ts): leftmost-longest
// matches and their groups as GNU grep 3.8, sed 4.9 and gawk 5.2.1 print them (recorded in C.UTF-8),
// the patterns that backtrack exponentially in a JS engine among them, and the VM's work measured
// as a count of instructions, so that linear time is asserted without a clock.
import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../../../src/shell/commands/text/posix-regex.js';
import { vmWork } from '../../../../src/shell/commands/text/regex-vm.js';
import { describeGolden, type GoldenCase } from './text-harness.js';

const cases: GoldenCase[] = [
  {
    line: "grep -o -E 'a|ab'",
    stdin: 'ab abab\n',
    out: 'ab\nab\nab\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -o -E 'x*|xy'",
    stdin: 'xy\n',
    out: 'xy\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -o -E '(a|ab)(c|bcd)(d*)'",
    stdin: 'abcd\n',
    out: 'abcd\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -o 'a\\|ab\\|abc'",
    stdin: 'abcabc\n',
    out: 'abc\nabc\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -o -E 'a?(ab)?'",
    stdin: 'ab\n',
    out: 'ab\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -o -E '[0-9]+|[0-9]+\\.[0-9]+'",
    stdin: 'v1.25.2 and 3.14\n',
    out: '1.25\n2\n3.14\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -ow -E 'is|isn'",
    stdin: "this is isn't\n",
    out: 'is\nisn\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -c -E '^(a+)+$'",
    stdin: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n',
    out: '0\n',
    err: '',
    code: 1,
  },
  {
    line: "grep -E '(a|aa)+$'",
    stdin: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n',
    out: '',
    err: '',
    code: 1,
  },
  {
    line: "grep -E '(x+x+)+y'",
    stdin: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n',
    out: '',
    err: '',
    code: 1,
  },
  {
    line: "grep -o -E '(.*)(b*)'",
    stdin: 'abb\n',
    out: 'abb\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -o -E '\\<[a-z]+\\>'",
    stdin: 'hello World foo_bar baz\n',
    out: 'hello\nbaz\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -o -i -E 'ab|abc'",
    stdin: 'xABCx\n',
    out: 'ABC\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -o '\\(ab\\)*'",
    stdin: 'ababab c ab\n',
    out: 'ababab\nab\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -o -E 'ab{2,3}|a'",
    stdin: 'abbbb ab\n',
    out: 'abbb\na\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -x -E 'a|ab'",
    stdin: 'ab\n',
    out: 'ab\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -E 's/(a|ab)(bc|c)/[\\1,\\2]/'",
    stdin: 'abc\n',
    out: '[a,bc]\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -E 's/(x|xy)(z|yz)/[\\1,\\2]/'",
    stdin: 'xyz\n',
    out: '[x,yz]\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -E 's/a|ab/X/g'",
    stdin: 'abab a\n',
    out: 'XX X\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -E 's/x*/-/g'",
    stdin: 'abc\n',
    out: '-a-b-c-\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -E 's/(a*)*/[\\1]/'",
    stdin: 'aaa\n',
    out: '[aaa]\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -E 's/(a*)+b/[\\1]/'",
    stdin: 'aab\n',
    out: '[aa]\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -E 's/(a|b)*c/[\\1]/'",
    stdin: 'abc\n',
    out: '[b]\n',
    err: '',
    code: 0,
  },
  {
    line: "sed 's/\\(a\\|ab\\)\\(c\\|bcd\\)\\(d*\\)/[\\1,\\2,\\3]/'",
    stdin: 'abcd\n',
    out: '[a,bcd,]\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -E 's/(ab|a)(bc|c)?/[\\1,\\2]/'",
    stdin: 'abc\n',
    out: '[ab,c]\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -E 's/[0-9]+|[0-9]+\\.[0-9]+/N/g'",
    stdin: '1.25.2\n',
    out: 'N.N\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -E 's/^(a+)+$/X/'",
    stdin: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n',
    out: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -E 's/\\b/|/g'",
    stdin: 'ab cd\n',
    out: '|ab| |cd|\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -E 's/\\B/-/g'",
    stdin: 'ab cd\n',
    out: 'a-b c-d\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -E 's/$/E/;s/^/S/'",
    stdin: 'abc\n',
    out: 'SabcE\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -n '/a\\|ab/p'",
    stdin: 'xab\n',
    out: 'xab\n',
    err: '',
    code: 0,
  },
  {
    line: "sed -E 's/(a|ab)(c|bcd)(d*)/[\\1,\\2,\\3]/'",
    stdin: 'abcd\n',
    out: '[a,bcd,]\n',
    err: '',
    code: 0,
  },
  {
    line: "awk '{ match($0, /b|bcd/); print RSTART, RLENGTH }'",
    stdin: 'abcd\n',
    out: '2 3\n',
    err: '',
    code: 0,
  },
  {
    line: "awk '{ match($0, /(a+)+$/); print RSTART, RLENGTH }'",
    stdin: 'xaaab\n',
    out: '0 -1\n',
    err: '',
    code: 0,
  },
  {
    line: 'awk \'{ n = gsub(/a|ab/, "X"); print n, $0 }\'',
    stdin: 'abab a\n',
    out: '3 XX X\n',
    err: '',
    code: 0,
  },
  {
    line: 'awk \'{ print gensub(/(a|ab)(c|bcd)/, "[\\\\1,\\\\2]", "g") }\'',
    stdin: 'abcd\n',
    out: '[a,bcd]\n',
    err: '',
    code: 0,
  },
  {
    line: "awk -F'(1|2)' '{ print $2, NF }'",
    stdin: 'a1b2c\n',
    out: 'b 3\n',
    err: '',
    code: 0,
  },
  {
    line: "awk '{ n = split($0, p, /x*|-/); print n, p[1], p[2], p[3] }'",
    stdin: 'a-b-c\n',
    out: '3 a b c\n',
    err: '',
    code: 0,
  },
  {
    line: 'awk \'/^(a+)+$/ { print "yes" } END { print "done" }\'',
    stdin: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n',
    out: 'done\n',
    err: '',
    code: 0,
  },
  {
    line: 'awk \'{ sub(/[[:digit:]]+|[[:digit:]]+\\.[[:digit:]]+/, "N"); print }\'',
    stdin: 'v1.25\n',
    out: 'vN\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -o -E '(a|b)*c|(a|b)*'",
    stdin: 'ababd\n',
    out: 'abab\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -o -E 'a{0}b'",
    stdin: 'ab\n',
    out: 'b\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -o -E '.{2,3}'",
    stdin: 'abcdefg\n',
    out: 'abc\ndef\n',
    err: '',
    code: 0,
  },
  {
    line: "grep -o -E '(ab|a)(bc)?'",
    stdin: 'abc\n',
    out: 'abc\n',
    err: '',
    code: 0,
  },
];

describeGolden('leftmost-longest, as GNU prints it', cases);

/** The VM's instructions for one search of `pattern` in `text`. */
function cost(pattern: string, text: string, opts: { extended?: boolean } = { extended: true }): number {
  const re = compileRegex(pattern, opts);
  const before = vmWork();
  re.test(text);
  return vmWork() - before;
}

describe('linear time', () => {
  // Each of these takes a backtracking engine exponential (or high polynomial) time to fail.
  const patterns: [string, (n: number) => string][] = [
    ['^(a+)+$', (n) => `${'a'.repeat(n)}!`],
    ['(a|aa)+$', (n) => `${'a'.repeat(n)}b`],
    ['(x+x+)+y', (n) => 'x'.repeat(n)],
    ['.*.*.*.*[yz]', (n) => 'x'.repeat(n)],
    ['^(a|a?)+$', (n) => `${'a'.repeat(n)}!`],
    ['(\\w+\\s?)*$', (n) => `${'word '.repeat(n)}!`],
  ];
  it.each(patterns)('%s: twice the text costs twice the work', (pattern, text) => {
    const small = cost(pattern, text(2000));
    const large = cost(pattern, text(4000));
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThan(2.2);
  });

  it("runs on the VM and answers as GNU for the issue's line of 35 a's and a bang", () => {
    const re = compileRegex('^(a+)+$', { extended: true });
    expect(re.constructor.name).toBe('PosixRegExp');
    expect(re.test(`${'a'.repeat(35)}!`)).toBe(false);
    expect(re.test('a'.repeat(35))).toBe(true);
    expect(cost('^(a+)+$', `${'a'.repeat(35)}!`)).toBeLessThan(2000);
  });

  it('keeps the JS engine for a back-reference (not a regular language)', () => {
    const re = compileRegex('\\(ab*\\)\\1');
    expect(re.constructor.name).toBe('RegExp');
    expect(re.exec('xabbabb')?.[0]).toBe('abbabb');
  });
});

describe('fast paths agree with the VM', () => {
  // A text without the pattern's literal part is refused before the VM runs; a tame pattern
  // (no nested repeat) selects a short line through JS's engine. Both must answer as the VM does.
  const lines = ['/var/lib/docker/overlay2/abc/diff', 'x-y', 'lib libx xlib', '', 'aaaa!', 'a1b22c333'];
  const pats: [string, boolean][] = [
    ['overlay2', false],
    ['^/var', false],
    ['[0-9]+c', true],
    ['\\<lib\\>', false],
    ['(diff|merged)$', true],
    ['x|y', true],
    ['a{2,3}!', true],
    ['^(a+)+$', true],
  ];
  it.each(pats)('%s', (p, extended) => {
    const re = compileRegex(p, { extended });
    const slow = compileRegex(p, { extended, flags: 'g' });
    for (const l of lines) {
      slow.lastIndex = 0;
      expect(re.test(l), l).toBe(slow.exec(l) !== null);
    }
  });
});
