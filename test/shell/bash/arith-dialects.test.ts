// (( )) as each shell reads it: bash's arithmetic command, with its errors as bash cuts them; dash
// and busybox's ash have none, so `((x=1))` is a subshell in a subshell (checked against bash 5.2,
// dash 0.5.12 and busybox 1.35; conformance script 96 holds the same lines against the real shells).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

describe('(( )) in dash and ash', () => {
  it('is a subshell in a subshell: a command named by the expression runs, nothing is assigned', async () => {
    const { run } = await makeShell();
    expect(await run(`sh -c '((1+1)); echo st=$?'`)).toEqual({
      out: 'st=127\n',
      err: 'sh: 1: 1+1: not found\n',
      code: 0,
    });
    expect((await run(`busybox sh -c '(( 1 + 1 )); echo st=$?'`)).err).toBe('sh: 1: not found\n');
    expect((await run(`sh -c '((x=1)); echo "x=[$x] st=$?"'`)).out).toBe('x=[] st=0\n');
    expect((await run(`busybox sh -c '((echo a)); echo st=$?'`)).out).toBe('a\nst=0\n');
    // bash's own: an arithmetic command.
    expect((await run(`bash -c '((x=1)); echo "x=[$x] st=$?"'`)).out).toBe('x=[1] st=0\n');
  });

  it('makes `for ((` and a for loop over a non-name a syntax error', async () => {
    const { run } = await makeShell();
    expect(await run(`sh -c 'for ((i=0;i<2;i++)); do echo $i; done'`)).toEqual({
      out: '',
      err: 'sh: 1: Syntax error: Bad for loop variable\n',
      code: 2,
    });
    expect((await run(`busybox sh -c 'for 1 in x; do :; done' name`)).err).toBe(
      'name: line 0: syntax error: bad for loop variable\n',
    );
    expect((await run(`bash -c 'for 1 in x; do :; done'`)).err).toBe("bash: line 1: `1': not a valid identifier\n");
  });
});

describe('bash’s arithmetic errors', () => {
  it('name (( and cut the expression and its error token as bash does', async () => {
    const { run } = await makeShell();
    const err = async (line: string) => (await run(`bash -c '${line}'`)).err;
    expect(await err('((  1 +  ))')).toBe(
      'bash: line 1: ((: 1 +  : syntax error: operand expected (error token is "+  ")\n',
    );
    expect(await err('(( 2/0+1 ))')).toBe('bash: line 1: ((: 2/0+1 : division by 0 (error token is "0+1 ")\n');
    expect(await err('((echo a))')).toBe('bash: line 1: ((: echo a: syntax error in expression (error token is "a")\n');
    expect(await err('(( 08 + 1 ))')).toBe('bash: line 1: ((: 08: value too great for base (error token is "08")\n');
    expect(await err('(( 1 ? 2 ))')).toBe(
      'bash: line 1: ((: 1 ? 2 : `:\' expected for conditional expression (error token is "2 ")\n',
    );
    expect(await err('(( 1 @ 2 ))')).toBe(
      'bash: line 1: ((: 1 @ 2 : syntax error: invalid arithmetic operator (error token is "@ 2 ")\n',
    );
    expect(await err('echo $((  1 +  ))')).toBe(
      'bash: line 1: 1 +  : syntax error: operand expected (error token is "+  ")\n',
    );
  });
});
