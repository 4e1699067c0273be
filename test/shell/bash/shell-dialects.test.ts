// bash, dash and busybox's ash each in their own words, and a script read one complete command at
// a time (checked against bash 5.2, dash 0.5.12 and busybox 1.35 on a Debian host; conformance
// scripts 90 and 91 hold the same lines against the real shells).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

describe('shell dialects', () => {
  it('runs the commands before a syntax error, then ends with 2 in each shell’s words', async () => {
    const { run } = await makeShell();
    expect(await run(`bash -c $'echo a\\nif then\\necho b'`)).toEqual({
      out: 'a\n',
      err: "bash: -c: line 2: syntax error near unexpected token `then'\nbash: -c: line 2: `if then'\n",
      code: 2,
    });
    expect(await run(`sh -c $'echo a\\nif then\\necho b'`)).toEqual({
      out: 'a\n',
      err: 'sh: 2: Syntax error: "then" unexpected\n',
      code: 2,
    });
    expect(await run(`busybox sh -c $'echo a\\nif then\\necho b' name`)).toEqual({
      out: 'a\n',
      err: 'name: line 1: syntax error: unexpected "then"\n',
      code: 2,
    });
    // A line is read whole: nothing of it runs.
    expect((await run(`bash -c 'echo a; if then'`)).out).toBe('');
    expect((await run(`sh -c 'while :; do :; fi'`)).err).toBe(
      'sh: 1: Syntax error: "fi" unexpected (expecting "done")\n',
    );
    // A file bash sources: `.` returns 2 and the shell goes on; dash ends.
    await run(`printf 'echo s1\\nif then\\necho s2\\n' > /tmp/src.sh`);
    expect(await run(`bash -c '. /tmp/src.sh; echo after $?'`)).toEqual({
      out: 's1\nafter 2\n',
      err: "/tmp/src.sh: line 2: syntax error near unexpected token `then'\n/tmp/src.sh: line 2: `if then'\n",
      code: 0,
    });
    expect(await run(`sh -c '. /tmp/src.sh; echo after $?'`)).toEqual({
      out: 's1\n',
      err: 'sh: 2: /tmp/src.sh: Syntax error: "then" unexpected\n',
      code: 2,
    });
  });

  it('set -u, command not found, $- and set -o: dash’s and ash’s words', async () => {
    const { run } = await makeShell();
    expect(await run(`sh -c 'set -u; echo $X; echo never'`)).toEqual({
      out: '',
      err: 'sh: 1: X: parameter not set\n',
      code: 2,
    });
    expect((await run(`busybox sh -c 'set -u; echo $X'`)).err).toBe('sh: X: parameter not set\n');
    expect(await run(`sh -c foo`)).toEqual({ out: '', err: 'sh: 1: foo: not found\n', code: 127 });
    expect((await run(`busybox sh -c foo`)).err).toBe('sh: foo: not found\n');
    expect((await run(`sh -fCa -c 'echo $-'; busybox sh -eu -c 'echo $-'`)).out).toBe('aCf\nuce\n');
    expect((await run(`sh -c 'set -o' | head -2`)).out).toBe('Current option settings\nerrexit         off\n');
    expect((await run(`sh -c 'set -o nosuch; echo never'`)).err).toBe('sh: 1: set: Illegal option -o nosuch\n');
  });

  it('dash has no echo -e, [[, source or declare; type and command -v say so', async () => {
    const { run } = await makeShell();
    expect((await run(`sh -c 'echo -e "a\\tb"; echo "x\\ny"'`)).out).toBe('-e a\tb\nx\ny\n');
    expect(await run(`sh -c '[[ a == a ]]'`)).toEqual({ out: '', err: 'sh: 1: [[: not found\n', code: 127 });
    expect((await run(`sh -c 'source /dev/null'`)).err).toBe('sh: 1: source: not found\n');
    expect(await run(`sh -c 'type nosuch local; command -v nosuch'`)).toEqual({
      out: 'nosuch: not found\nlocal is a special shell builtin\n',
      err: '',
      code: 127,
    });
    // bash -c expands no alias; dash does.
    expect((await run(`bash -c $'alias hi="echo yes"\\nhi'`)).err).toBe('bash: line 2: hi: command not found\n');
    expect((await run(`sh -c $'alias hi="echo yes"\\nhi'`)).out).toBe('yes\n');
  });

  it('set -x shows [[ ]], (( )), for, case and for ((…)) as bash 5 does; dash only simple commands', async () => {
    const { run } = await makeShell();
    const traced = await run(
      `bash -xc 'x=1; [[ a == a && -n $x ]]; (( x += 1 )); for i in 1 "2 3"; do :; done; case $x in 2) :;; esac' 2>&1`,
    );
    expect(traced.out).toBe(
      [
        '+ x=1',
        '+ [[ a == a ]]',
        '+ [[ -n 1 ]]',
        '+ ((  x += 1  ))',
        '+ for i in 1 "2 3"',
        '+ :',
        '+ for i in 1 "2 3"',
        '+ :',
        '+ case $x in',
        '+ :',
        '',
      ].join('\n'),
    );
    expect((await run(`bash -xc 'for ((j=0; j<1; j++)); do :; done' 2>&1`)).out).toBe(
      '+ (( j=0 ))\n+ (( j<1 ))\n+ :\n+ (( j++ ))\n+ (( j<1 ))\n',
    );
    expect((await run(`sh -xc 'y=1 z=2; for i in 1; do echo "a b"; done' 2>&1`)).out).toBe(
      '+ y=1 z=2\n+ echo a b\na b\n',
    );
  });
});
