// bash's arrays, integer variables and let (checked against bash 5.2 on a Debian host;
// conformance script 96 holds the same lines against the real bash).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

describe('bash arrays', () => {
  it('indexed: elements, "${a[@]}" one field each, counts, keys, +=, unset of one', async () => {
    const { run } = await makeShell();
    const out = async (line: string) => (await run(`bash -c '${line}'`)).out;
    expect(await out('a=(x y z); echo ${a[1]} ${a[@]} ${#a[@]}; a+=(w); echo "${a[@]}" ${!a[@]}')).toBe(
      'y x y z 3\nx y z w 0 1 2 3\n',
    );
    expect(await out('a=(x y z w); unset a[1]; echo "${a[@]}" ${!a[@]} ${#a[@]}; echo $a ${a[-1]}')).toBe(
      'x z w 0 2 3 3\nx w\n',
    );
    expect(await out('a=("one two" three); for w in "${a[@]}"; do echo "[$w]"; done')).toBe('[one two]\n[three]\n');
    expect(await out('i=1; a=(p q r); echo ${a[i+1]}; a[i*2+3]=s; echo ${!a[@]}')).toBe('r\n0 1 2 5\n');
    expect(await out('m=([2]=b [0]=a c); echo ${!m[@]} ${m[@]}')).toBe('0 1 2 a c b\n');
  });

  it('associative: listed in bash’s hash table order', async () => {
    const { run } = await makeShell();
    const r = await run(`bash -c 'declare -A m; m[k]=v; m[a]=1; m[b]=2; m[zebra]=3; m[apple]=4; echo "\${!m[@]}"'`);
    expect(r.out).toBe('k b a apple zebra\n');
  });

  it('says bad array subscript and unbound variable as bash does; an assignment’s error ends bash -c', async () => {
    const { run } = await makeShell();
    expect(await run(`bash -c 'a=(x); a[-9]=1; echo never'`)).toEqual({
      out: '',
      err: 'bash: line 1: a[-9]: bad array subscript\n',
      code: 1,
    });
    expect((await run(`bash -c 'set -u; a=(x); echo \${a[3]}'`)).err).toBe('bash: line 1: a[3]: unbound variable\n');
    expect((await run(`bash -c 'readonly r=1; r=2; echo never'`)).code).toBe(1);
    expect((await run(`sh -c 'a=(x y)'`)).err).toBe('sh: 1: Syntax error: "(" unexpected\n');
  });

  it('declare -i and local -i assign arithmetic; let’s status is the last value’s', async () => {
    const { run } = await makeShell();
    const r = await run(`bash -c 'declare -i n; n=1+2; n+=3; echo $n; let x=2*3 y++; echo $x $y $?; let; echo $?'`);
    expect(r.out).toBe('6\n6 1 1\n1\n');
    expect(r.err).toBe('bash: line 1: let: expression expected\n');
    expect((await run(`bash -c 'f() { local -i n=4*2; echo $n; }; f'`)).out).toBe('8\n');
  });
});
