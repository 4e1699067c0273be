// The one GNU option parser every command uses (src/shell/commands/options.ts): its messages, as
// glibc's getopt_long prints them through coreutils and grep 3.8 (captured from the real tools).
import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../../../src/shell/commands/options.js';
import { makeShell } from '../shell-harness.js';

const REAL: [line: string, err: string, code: number][] = [
  ['ls --bogus', "ls: unrecognized option '--bogus'\n", 2],
  ['ls --all=x', "ls: option '--all' doesn't allow an argument\n", 2],
  ['ls -j', "ls: invalid option -- 'j'\n", 2],
  ['cut -d', "cut: option requires an argument -- 'd'\n", 1],
  ['cut --c', "cut: option '--c' is ambiguous; possibilities: '--characters' '--complement'\n", 1],
  ['cut --fi', "cut: option '--fields' requires an argument\n", 1],
  ['rm --f --zzz', "rm: unrecognized option '--zzz'\n", 1],
];

describe('bad command lines', () => {
  for (const [line, err, code] of REAL) {
    it(line, async () => {
      const { run } = await makeShell();
      const name = line.split(' ')[0];
      expect(await run(line, { stdin: '' })).toEqual({
        out: '',
        err: `${err}Try '${name} --help' for more information.\n`,
        code,
      });
    });
  }
});

describe('parseOptions', () => {
  const spec = {
    short: 'ab',
    shortArg: 'n',
    long: { all: 'a', 'color=': 'color', color: 'color', 'colour=': 'color', colour: 'color' },
  };

  it('bundles short options, takes a short argument attached or next, and options after operands', () => {
    const p = parseOptions('x', ['-ab', 'f', '-n3', '-an', '4', '--', '-b'], spec);
    expect(p.opts).toEqual([
      ['a', ''],
      ['b', ''],
      ['n', '3'],
      ['a', ''],
      ['n', '4'],
    ]);
    expect(p.operands).toEqual(['f', '-b']);
    expect(p.flags.get('n')).toBe('4');
  });

  it('an optional argument is taken only after `=` (grep --color pattern)', () => {
    expect(parseOptions('x', ['--color', 'o'], spec)).toMatchObject({ opts: [['color', '']], operands: ['o'] });
    expect(parseOptions('x', ['--colo=always'], spec).opts).toEqual([['color', 'always']]);
  });

  it('abbreviations of names for one option are not ambiguous; of two options they are', () => {
    expect(parseOptions('x', ['--col=never'], spec).opts).toEqual([['color', 'never']]);
    const twoWays = { long: { color: 'c', context: 'C' } };
    expect(() => parseOptions('x', ['--co'], twoWays)).toThrow(
      new UsageError("x: option '--co' is ambiguous; possibilities: '--color' '--context'"),
    );
  });

  it('`-` alone is an operand', () => {
    expect(parseOptions('x', ['-'], spec).operands).toEqual(['-']);
  });
});

it('grep --color takes no pattern for its value (real grep prints the match)', async () => {
  const { run } = await makeShell();
  expect(await run('grep --color o', { stdin: 'o\n' })).toEqual({ out: 'o\n', err: '', code: 0 });
});
