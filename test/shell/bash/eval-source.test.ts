// eval and `.` in bash, dash and busybox's ash, as each says where an error is (checked against
// bash 5.2, dash 0.5.12 and busybox 1.35 on a Debian host; conformance script 96 holds the same
// lines against the real shells).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

describe('eval', () => {
  it('reads its string a complete command at a time: the lines before a syntax error run', async () => {
    const { run } = await makeShell();
    expect(await run(`bash -c $'eval "echo a\\necho b\\nif then"; echo st=$?'`)).toEqual({
      out: 'a\nb\nst=2\n',
      err: "bash: eval: line 5: syntax error near unexpected token `then'\nbash: eval: line 5: `if then'\n",
      code: 0,
    });
    // A line is read whole, so nothing of it runs; dash and ash end the shell.
    expect(await run(`bash -c 'eval "echo a; if"; echo st=$?'`)).toEqual({
      out: 'st=2\n',
      err: 'bash: eval: line 2: syntax error: unexpected end of file\n',
      code: 0,
    });
    expect(await run(`sh -c $'eval "echo a\\necho b\\nif then"; echo never'`)).toEqual({
      out: 'a\nb\n',
      err: 'sh: 3: eval: Syntax error: "then" unexpected\n',
      code: 2,
    });
    expect(await run(`busybox sh -c 'eval "echo a; if"; echo never'`)).toEqual({
      out: '',
      err: 'sh: eval: line 0: syntax error: unexpected end of file (expecting "then")\n',
      code: 2,
    });
  });

  it('numbers its lines from the eval’s (bash: after its first argument), dash from 1', async () => {
    const { run } = await makeShell();
    expect((await run(`bash -c $'\\n\\neval "echo\\n\\nnosuch";:'`)).err).toBe(
      'bash: line 7: nosuch: command not found\n',
    );
    expect((await run(`bash -c $'\\n\\neval "echo\\n\\nif";:'`)).err).toBe(
      'bash: eval: line 8: syntax error: unexpected end of file\n',
    );
    expect((await run(`bash -c $'nosuch "a\\nb"'`)).err).toBe('bash: line 2: nosuch: command not found\n');
    expect((await run(`sh -c $'\\n\\neval "nosuch\\n\\nnosuch2"'`)).err).toBe(
      'sh: 1: eval: nosuch: not found\nsh: 3: eval: nosuch2: not found\n',
    );
    expect((await run(`busybox sh -c $'\\n\\neval "nosuch\\n\\nnosuch2"'`)).err).toBe(
      'sh: eval: line 2: nosuch: not found\nsh: eval: line 4: nosuch2: not found\n',
    );
  });

  it('at a prompt bash names no line', async () => {
    const { run } = await makeShell();
    expect(await run(`eval "echo a; if"`)).toEqual({
      out: '',
      err: 'bash: syntax error: unexpected end of file\n',
      code: 2,
    });
  });
});

describe('. and source', () => {
  it('name the file and its line; a function keeps the lines of the file that defined it', async () => {
    const { run } = await makeShell();
    await run(`printf 'echo in lib\\n\\nnosuch\\nf() {\\n  nosuch2\\n}\\n' > /tmp/lib.sh`);
    await run(`printf 'x\\n. /tmp/lib.sh\\nf\\nnosuch3\\n' > /tmp/main.sh`);
    expect((await run(`bash /tmp/main.sh`)).err).toBe(
      '/tmp/main.sh: line 1: x: command not found\n/tmp/lib.sh: line 3: nosuch: command not found\n' +
        '/tmp/lib.sh: line 5: nosuch2: command not found\n/tmp/main.sh: line 4: nosuch3: command not found\n',
    );
    expect((await run(`sh /tmp/main.sh`)).err).toBe(
      '/tmp/main.sh: 1: x: not found\n/tmp/main.sh: 3: /tmp/lib.sh: nosuch: not found\n' +
        '/tmp/main.sh: 5: nosuch2: not found\n/tmp/main.sh: 4: nosuch3: not found\n',
    );
    expect((await run(`busybox sh -c '. /tmp/lib.sh; f; nosuch3'`)).err).toBe(
      'sh: /tmp/lib.sh: line 3: nosuch: not found\nsh: nosuch2: not found\nsh: nosuch3: not found\n',
    );
    // At a prompt bash says only `bash: `.
    expect((await run(`. /tmp/lib.sh`)).err).toBe('bash: nosuch: command not found\n');
  });

  it('search $PATH for a bare name (bash then the current directory) and fail in each shell’s words', async () => {
    const { run } = await makeShell();
    await run(`printf 'echo "args: $# $1"\\n' > /tmp/a.sh`);
    expect((await run(`cd /tmp && bash -c 'set -- x y; source a.sh p q; echo "after $# $1"'`)).out).toBe(
      'args: 2 p\nafter 2 x\n',
    );
    // dash keeps its own positional parameters.
    expect((await run(`sh -c 'set -- x y; . /tmp/a.sh p q'`)).out).toBe('args: 2 x\n');
    expect(await run(`cd /tmp && sh -c '. a.sh; echo never'`)).toEqual({
      out: '',
      err: 'sh: 1: .: a.sh: not found\n',
      code: 2,
    });
    expect(await run(`busybox sh -c 'source /tmp/nope.sh; echo never'`)).toEqual({
      out: '',
      err: "sh: source: line 0: can't open '/tmp/nope.sh': No such file or directory\n",
      code: 2,
    });
    expect((await run(`bash -c '. /tmp/nope.sh; echo st=$?'`)).err).toBe(
      'bash: line 1: /tmp/nope.sh: No such file or directory\n',
    );
    expect((await run(`bash -c '. /tmp; echo st=$?'`)).out).toBe('st=1\n');
    expect((await run(`sh -c '.; echo st=$?'`)).out).toBe('st=0\n');
  });
});
