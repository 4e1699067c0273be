// The shell's set options (-e, -u, -x, -f, -n, -v, -o) and how a non-interactive bash reports its
// errors; each case checked against bash 5 (conformance script 85 runs them on the real one).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

describe('set -e (errexit)', () => {
  it('ends a non-interactive shell at a failing command, with its status', async () => {
    const { run } = await makeShell();
    expect(await run("bash -c 'set -e; false; echo never'")).toEqual({ out: '', err: '', code: 1 });
    expect(await run("bash -e -c 'nosuch; echo never'")).toMatchObject({ out: '', code: 127 });
    expect(await run("bash -c 'set -e; { false; }; echo never'")).toMatchObject({ out: '', code: 1 });
    expect(await run("bash -c 'set -e; (false; echo sub); echo never'")).toMatchObject({ out: '', code: 1 });
    expect(await run("bash -c 'set -e; x=$(false); echo never'")).toMatchObject({ out: '', code: 1 });
    expect(await run("bash -c 'set -e; true && false; echo never'")).toMatchObject({ out: '', code: 1 });
  });

  it('without -e the same lines run on', async () => {
    const { run } = await makeShell();
    expect(await run("bash -c 'false; echo on'")).toMatchObject({ out: 'on\n', code: 0 });
    expect(await run("bash -c 'set -e; set +e; false; echo on'")).toMatchObject({ out: 'on\n', code: 0 });
  });

  it('ignores conditions, all but the last of a && list, !, functions called there and $(…)', async () => {
    const { run } = await makeShell();
    const lines = [
      "bash -c 'set -e; false && true; echo and-list'",
      "bash -c 'set -e; ! true; echo negated'",
      "bash -c 'set -e; if false; then :; fi; while false; do :; done; until true; do :; done; echo conditions'",
      "bash -c 'set -e; f(){ false; echo in-f; }; f || echo failed; echo end'",
      "bash -c 'set -e; echo $(false; echo y)'",
      "bash -c 'set -e; false | true; echo last-stage'",
    ];
    const outs = [];
    for (const l of lines) outs.push((await run(l)).out);
    expect(outs).toEqual(['and-list\n', 'negated\n', 'conditions\n', 'in-f\nend\n', 'y\n', 'last-stage\n']);
  });

  it('with pipefail a failing stage counts', async () => {
    const { run } = await makeShell();
    expect(await run("bash -c 'set -eo pipefail; false | true; echo never'")).toMatchObject({ out: '', code: 1 });
  });

  it('applies to a script run by bash -e and to a sourced file, not to the prompt', async () => {
    const { run } = await makeShell();
    await run("printf 'echo start\\nfalse\\necho never\\n' > /tmp/e.sh");
    expect(await run('bash -e /tmp/e.sh')).toMatchObject({ out: 'start\n', code: 1 });
    expect(await run('bash /tmp/e.sh')).toMatchObject({ out: 'start\nnever\n', code: 0 });
    expect(await run("bash -ec '. /tmp/e.sh; echo after'")).toMatchObject({ out: 'start\n', code: 1 });
    // The learner's own shell stays open (a real one would close the terminal).
    expect(await run('set -e; false; echo still-here')).toMatchObject({ out: 'still-here\n', code: 0 });
    expect(await run('(false; echo sub-never); echo after')).toMatchObject({ out: 'after\n' });
  });
});

describe('set -u (nounset)', () => {
  it('ends bash -c with 127 and a script with 1, saying where', async () => {
    const { run } = await makeShell();
    expect(await run("bash -c 'set -u; echo ${nope:-d}; echo $nope; echo never'")).toEqual({
      out: 'd\n',
      err: 'bash: line 1: nope: unbound variable\n',
      code: 127,
    });
    expect((await run("bash -u -c 'echo $1'")).err).toBe('bash: line 1: $1: unbound variable\n');
    await run("printf 'echo one\\nset -u\\necho $nope\\necho never\\n' > /tmp/u.sh");
    expect(await run('bash /tmp/u.sh')).toEqual({
      out: 'one\n',
      err: '/tmp/u.sh: line 3: nope: unbound variable\n',
      code: 1,
    });
  });

  it('without -u an unset variable is empty', async () => {
    const { run } = await makeShell();
    expect(await run('bash -c \'echo "[$nope]"; echo z\'')).toMatchObject({ out: '[]\nz\n', err: '' });
  });
});

describe('set -x (xtrace)', () => {
  it('traces each command after PS4 on stderr, quoted as bash quotes, ++ inside $(…)', async () => {
    const { run } = await makeShell();
    const r = await run(
      'bash -xc \'echo "a b" "" "it\'\\\'\'s" plain; x=$(echo hi); A=1 echo $x 2>/dev/null; set +x; echo quiet\'',
    );
    expect(r.out).toBe("a b  it's plain\nhi\nquiet\n");
    expect(r.err).toBe("+ echo 'a b' '' 'it'\\''s' plain\n++ echo hi\n+ x=hi\n+ A=1\n+ echo hi\n+ set +x\n");
    expect((await run('bash -xc \'PS4="> "; echo $(echo two)\'')).err).toBe("+ PS4='> '\n>> echo two\n> echo two\n");
    expect((await run('bash -xc "echo $\'\\\\001\'"')).err).toBe("+ echo $'\\001'\n");
  });

  it('busybox ash traces on one line, quoting its own way, with no ++ levels', async () => {
    const { run } = await makeShell();
    await run('docker pull -q busybox');
    const r = await run(
      `docker run --rm busybox sh -xc 'A=1 echo hi; x=1 y="2 3"; echo "a b" "" "it'\\''s" a~ a=b; echo $(echo two)'`,
    );
    expect(r.err).toBe("+ A=1 echo hi\n+ x=1 y='2 3'\n+ echo 'a b'  'it'\"'\"'s' 'a~' 'a=b'\n+ echo two\n+ echo two\n");
    expect((await run("docker run --rm busybox sh -ec 'false; echo never'")).code).toBe(1);
  });

  it('traces nothing without -x', async () => {
    const { run } = await makeShell();
    expect((await run("bash -c 'echo a; set -x; set +x; echo b'")).err).toBe('+ set +x\n');
    expect((await run("bash -c 'echo a'")).err).toBe('');
  });
});

describe('$-, set -o, -f, -n, -v', () => {
  it('shows the letters as bash orders them', async () => {
    const { run } = await makeShell();
    expect((await run("bash -c 'echo $-'; bash -fc 'echo $-'; bash -xeuc 'echo $-' 2>/dev/null")).out).toBe(
      'hBc\nfhBc\nehuxBc\n',
    );
    expect((await run('echo $-')).out).toBe('himBHs\n');
  });

  it('lists the options and refuses an unknown one', async () => {
    const { run } = await makeShell();
    const table = (await run("bash -ec 'set -o'")).out;
    expect(table).toContain('errexit        \ton\n');
    expect(table).toContain('xtrace         \toff\n');
    expect(table.split('\n')).toHaveLength(28);
    expect((await run("bash -c 'set -o pipefail; set +o' | grep pipefail")).out).toBe('set -o pipefail\n');
    expect(await run("bash -c 'set -o nosuch'")).toEqual({
      out: '',
      err: 'bash: line 1: set: nosuch: invalid option name\n',
      code: 2,
    });
  });

  it('set -f keeps patterns, -n reads without running, -v echoes the input', async () => {
    const { run } = await makeShell();
    expect((await run("bash -c 'set -f; echo /e*; set +f; echo /et*'")).out).toBe('/e*\n/etc\n');
    expect(await run("bash -c 'echo before; set -n; echo never'")).toMatchObject({ out: 'before\n', code: 0 });
    expect(await run("bash -vc 'echo verbose'")).toMatchObject({ out: 'verbose\n', err: 'echo verbose\n' });
  });
});

describe('a non-interactive bash says where an error happened', () => {
  it('bash -c by its $0 and line, a script by its path; the prompt as before', async () => {
    const { run } = await makeShell();
    expect(await run("bash -c 'nosuch; ./nofile' myname")).toEqual({
      out: '',
      err: 'myname: line 1: nosuch: command not found\nmyname: line 1: ./nofile: No such file or directory\n',
      code: 127,
    });
    await run("printf 'echo a\\nnosuch\\n' > /tmp/m.sh; chmod +x /tmp/m.sh");
    expect((await run('bash -c "$(cat /tmp/m.sh)"')).err).toBe('bash: line 2: nosuch: command not found\n');
    expect((await run('/tmp/m.sh')).err).toBe('/tmp/m.sh: line 2: nosuch: command not found\n');
    expect((await run('nosuch')).err).toBe('bash: nosuch: command not found\n');
    expect(await run("bash -c 'if then' foo")).toMatchObject({
      err: "foo: -c: line 1: syntax error near unexpected token `then'\nfoo: -c: line 1: `if then'\n",
      code: 2,
    });
    expect(await run('bash /tmp/nope.sh')).toEqual({
      out: '',
      err: 'bash: /tmp/nope.sh: No such file or directory\n',
      code: 127,
    });
  });
});
