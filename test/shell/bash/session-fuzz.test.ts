// 10,000 random command lines through session.run: nothing may throw past the session (a
// learner never sees a stack trace) and no line may take a second.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/kernel/index.js';
import { makeShell } from '../shell-harness.js';

const WORDS = [
  'ls',
  'ls -la',
  'ls -li /',
  'cat',
  'cat -n',
  'echo',
  'echo -e',
  'printf',
  "printf '%s %d\\n'",
  'touch',
  'mkdir -p',
  'rm -rf',
  'rmdir',
  'mv',
  'cp -a',
  'ln -s',
  'stat',
  'stat -c %i',
  'find',
  'find . -name',
  'tree',
  'readlink -f',
  'realpath',
  'du -sh',
  'df -h',
  'mount',
  'umount',
  'getfattr -d -m -',
  'setfattr -n user.x -v 1',
  'uname -a',
  'id',
  'date',
  'env',
  'which',
  'vim',
  'cd',
  'pwd',
  'export',
  'unset',
  'test',
  '[',
  ']',
  '[[',
  ']]',
  'true',
  'false',
  'type',
  'history',
  'sleep 1',
  'umask',
  'read',
  'set --',
  'shift',
  'eval',
  'source',
  'x=1',
  'y=$x',
  'a',
  'b',
  '/tmp',
  '/tmp/a',
  '/o/merged',
  '/proc/mounts',
  '/dev/null',
  '..',
  '.',
  '~',
  '*',
  '?',
  '[ab]',
  '$x',
  '"$y"',
  "'q'",
  '${x:-d}',
  '${#x}',
  '${x/a/b}',
  '$((1+2))',
  '$((1/0))',
  '$(ls)',
  '`pwd`',
  '$?',
  '$#',
  '$@',
  '{a,b}',
  '{1..3}',
  '|',
  '&&',
  '||',
  ';',
  '&',
  '>',
  '>>',
  '2>&1',
  '<',
  '<<<',
  '2>/dev/null',
  '!',
  '(',
  ')',
  '{',
  '}',
  'if',
  'then',
  'else',
  'fi',
  'for',
  'in',
  'do',
  'done',
  'while',
  'until',
  'case',
  'esac',
  ';;',
  'function',
  'f()',
  'return',
  'break',
  'continue',
  'exit',
  '-n',
  '-z',
  '-eq',
  '=',
  '==',
  '"',
  "'",
  '\\',
  '#',
  'jq .',
  'xargs echo',
  'awk "{print}"',
  'grep a',
  'sort',
  'wc -l',
  'head -1',
  'sed s/a/b/',
  'tr a b',
  'mknod w c 0 0',
  'chmod 755',
  'chown root',
];

describe('random command lines', () => {
  it('10,000 lines: no exception escapes, none takes a second', async () => {
    const random = seededRandom(20241123);
    const bytes = new Uint8Array(16);
    const pick = (n: number): number => {
      random.fill(bytes);
      return ((bytes[0] as number) * 256 + (bytes[1] as number)) % n;
    };
    let shell = await makeShell();
    await shell.run(
      'mkdir -p /o/lower /o/upper /o/work /o/merged /tmp/a && mount -t overlay overlay -o lowerdir=/o/lower,upperdir=/o/upper,workdir=/o/work /o/merged',
    );
    let slowest = 0;
    for (let i = 0; i < 10_000; i++) {
      if (i % 1000 === 999) shell = await makeShell();
      const n = 1 + pick(8);
      const line = Array.from({ length: n }, () => WORDS[pick(WORDS.length)]).join(' ');
      const start = performance.now();
      let r;
      try {
        r = await shell.run(line, { stdin: pick(4) === 0 ? 'a b\nc\n' : undefined });
      } catch (err) {
        throw new Error(`line ${i} threw: ${line}\n${(err as Error)?.stack ?? String(err)}`);
      }
      const took = performance.now() - start;
      slowest = Math.max(slowest, took);
      expect(took, line).toBeLessThan(1000);
      expect(r.err, line).not.toMatch(/\n\s+at .*:\d+:\d+/);
      expect(r.err, line).not.toMatch(/internal error/);
    }
    expect(slowest).toBeLessThan(1000);
  }, 600_000);
});
