// Interpreter constructs. Every expected stdout and status below was captured from GNU bash 5.2
// (`bash -c`, HOME=/root, LANG=C.UTF-8) on the same line; stderr texts are bash's at a prompt.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

const BASH_CAPTURED: [string, string, number][] = [
  ['echo a   b "c  d" \'e\'', 'a b c  d e\n', 0],
  ["echo -n x; echo -e 'a\\tb\\n'", 'xa\tb\n\n', 0],
  ["echo -e 'x\\c' y; echo z", 'xz\n', 0],
  ["printf '%s-%d|%5s|%-4s|%03d\\n' a 12 b c 7 extra 3", 'a-12|    b|c   |007\nextra-3|     |    |000\n', 0],
  ["printf '%x %o %X %e %.2f %c %%\\n' 255 8 255 12345.678 3.14159 hello", 'ff 10 FF 1.234568e+04 3.14 h %\n', 0],
  ["printf '%q\\n' \"a b\" 'c$d'", 'a\\ b\nc\\$d\n', 0],
  [
    'x=hello; echo ${x^^} ${x:1:3} ${#x} ${x#h*l} ${x##h*l} ${x%l*} ${x%%l*} ${x/l/L} ${x//l/L}',
    'HELLO ell 5 lo o hel he heLlo heLLo\n',
    0,
  ],
  ['unset y; echo ${y:-def} ${y-def2} ${y:+alt} "${y:=set}" $y', 'def def2 set set\n', 0],
  ['echo $((3+4*2)) $((10/3)) $((10%3)) $((2**10)) $((1<2)) $(( (1+2)*3 )) $((x=5, x+1))', '11 3 1 1024 1 9 6\n', 0],
  ['a=1; a+=2; echo $a', '12\n', 0],
  ['for i in a b c; do echo $i; done', 'a\nb\nc\n', 0],
  ['for ((i=0;i<3;i++)); do echo $i; done', '0\n1\n2\n', 0],
  ['i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', '0\n1\n2\n', 0],
  ['i=0; until [ $i -ge 2 ]; do echo u$i; i=$((i+1)); done', 'u0\nu1\n', 0],
  ['for i in 1 2 3 4; do if [ $i = 2 ]; then continue; fi; if [ $i = 4 ]; then break; fi; echo $i; done', '1\n3\n', 0],
  ['for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done', '1a\n2a\n', 0],
  ['case foo.txt in *.sh) echo sh;; *.txt|*.md) echo text;; *) echo other;; esac', 'text\n', 0],
  ['case x in y) echo y;; esac; echo $?', '0\n', 0],
  ['f() { echo "args: $# $1 $2"; return 3; }; f x y; echo $?', 'args: 2 x y\n3\n', 0],
  // `return` at the top of a sourced file ends the file with its status (nginx's *.envsh do this).
  ["echo 'return 3; echo no' > /tmp/r; . /tmp/r; echo $?", '3\n', 0],
  ["echo 'return 3' > /tmp/r; f() { . /tmp/r; echo in-f $?; return 5; }; f; echo $?", 'in-f 3\n5\n', 0],
  ["printf 'g() { return 4; }\\ng\\necho after $?\\n' > /tmp/r; . /tmp/r; echo $?", 'after 4\n0\n', 0],
  ['set -- a "b c" d; for a in "$@"; do echo "[$a]"; done; echo $#', '[a]\n[b c]\n[d]\n3\n', 0],
  ['set -- a "b c" d; for a in $@; do echo "[$a]"; done', '[a]\n[b]\n[c]\n[d]\n', 0],
  ['set -- a "b c"; echo "$*"', 'a b c\n', 0],
  ['true && echo yes || echo no; false && echo yes || echo no', 'yes\nno\n', 0],
  ['! true; echo $?', '1\n', 0],
  ['(exit 3); echo $?', '3\n', 0],
  ['(cd /tmp; pwd); pwd', '/tmp\n/root\n', 0],
  ['{ echo a; echo b; } | cat', 'a\nb\n', 0],
  ['echo $(echo a; echo b)', 'a b\n', 0],
  ['echo "$(echo a; echo b)"', 'a\nb\n', 0],
  ['x="a  b   c"; echo $x; echo "$x"', 'a b c\na  b   c\n', 0],
  ['IFS=:; x=a:b:c; for i in $x; do echo $i; done', 'a\nb\nc\n', 0],
  ['[ -z "" ] && echo empty; [ -n "x" ] && echo nonempty; [ a = a ]; echo $?', 'empty\nnonempty\n0\n', 0],
  ['[ 1 -eq 1 -a 2 -gt 1 ]; echo $?', '0\n', 0],
  ['[ abc ]; echo $?; [ ]; echo $?', '0\n1\n', 0],
  ['test 3 -lt 2 || echo no', 'no\n', 0],
  ['[[ abc == a* ]] && echo match; [[ abc == "a*" ]] || echo nomatch', 'match\nnomatch\n', 0],
  ['[[ -n x && ( 1 -lt 2 ) ]]; echo $?', '0\n', 0],
  ['[[ foo =~ ^f(o+)$ ]] && echo re', 're\n', 0],
  ['echo a > /dev/null; echo $?', '0\n', 0],
  ['cat <<EOF\nhello $HOME\nEOF', 'hello /root\n', 0],
  ["cat <<'EOF'\nhello $HOME\nEOF", 'hello $HOME\n', 0],
  ['cat <<< "here string"', 'here string\n', 0],
  // A heredoc or file opened on fd 3 is not stdin; `<&3` makes it stdin, once it is open (left to right).
  ['cat <<L 3<<R\nleft\nL\nright\nR', 'left\n', 0],
  ['cat 3<<R <&3\non three\nR', 'on three\n', 0],
  ['echo f > /tmp/f3; cat 3</tmp/f3 <&3; cat 3<<<hs <&3', 'f\nhs\n', 0],
  ['cat <&3 3<<<x; echo $?', '1\n', 0],
  ['cat <<EOF\nx \\\nEOF\nEOF', 'x EOF\n', 0],
  ["y=5 bash -c 'echo $y'", '5\n', 0],
  ["export Z=9; bash -c 'echo $Z'", '9\n', 0],
  ['echo ~ ~/x', '/root /root/x\n', 0],
  ['echo "a"\'b\'c', 'abc\n', 0],
  ['echo \\$x \'\\n\' "\\$x"', '$x \\n $x\n', 0],
  ["echo $'a\\tb'", 'a\tb\n', 0],
  ['read a b <<< "one two three"; echo "$a|$b"', 'one|two three\n', 0],
  ['echo hi | { read l; echo got $l; }', 'got hi\n', 0],
  ['printf \'a\\nb\\n\' | while read l; do echo "<$l>"; done', '<a>\n<b>\n', 0],
  ['echo `echo a \\`echo b\\``', 'a b\n', 0],
  ['x=$(exit 4); echo $?', '4\n', 0],
  ['umask; umask 077; umask; umask -S', '0022\n0077\nu=rwx,g=,o=\n', 0],
  ['echo {a,b} a{1..3} {3..1} {a..c}x', 'a b a1 a2 a3 3 2 1 ax bx cx\n', 0],
  ['echo $((2#101)) $((0x1f)) $((010))', '5 31 8\n', 0],
  ['x=5; (( x > 3 )) && echo big', 'big\n', 0],
  ["printf '%s\\n' *.nothing", '*.nothing\n', 0],
  ["echo 'a'\\''b'", "a'b\n", 0],
  ['x=abc; echo ${x/#a/A} ${x/%c/C}', 'Abc abC\n', 0],
  ['v=$(echo out); echo "[$v]"', '[out]\n', 0],
  ['echo x | cat | cat | cat -n', '     1\tx\n', 0],
  ['a=5; a=$((a+1)); echo $a; echo $((a++)) $a', '6\n6 7\n', 0],
  ['arr=x; echo ${arr:-y}${arr:+z}', 'xz\n', 0],
  ['echo "$HOME" \'$HOME\'', '/root $HOME\n', 0],
  ['echo a; exit 3; echo b', 'a\n', 3],
  ['mkdir -p /tmp/q1 && cd $_ && pwd', '/tmp/q1\n', 0],
  ['echo $(( $(echo 3) + 4 ))', '7\n', 0],
  ['f() { local x=in; echo $x; }; x=out; f; echo $x', 'in\nout\n', 0],
  ['n=0; for i in $(seq 1 5); do n=$((n+i)); done; echo $n', '15\n', 0],
  ['echo \\{a,b\\} {a,b} "{x,y}"', '{a,b} a b {x,y}\n', 0],
  ['seq -s, 3; seq -w 8 10; seq 1 0.5 2', '1,2,3\n08\n09\n10\n1.0\n1.5\n2.0\n', 0],
];

describe('the interpreter answers as bash does', () => {
  it.each(BASH_CAPTURED)('%s', async (line, out, code) => {
    const { run } = await makeShell();
    await run('cd /root');
    const r = await run(line);
    expect(r.out).toBe(out);
    expect(r.code).toBe(code);
  });
});

describe('errors read as bash prints them at a prompt', () => {
  const cases: [string, string, string, number][] = [
    ['nosuchcmd', '', 'bash: nosuchcmd: command not found\n', 127],
    ['./nothere', '', 'bash: ./nothere: No such file or directory\n', 127],
    ['touch /tmp/x; /tmp/x', '', 'bash: /tmp/x: Permission denied\n', 126],
    ['/tmp', '', 'bash: /tmp: Is a directory\n', 126],
    ['cd /nonexistent', '', 'bash: cd: /nonexistent: No such file or directory\n', 1],
    ['cd /tmp /root', '', 'bash: cd: too many arguments\n', 1],
    ['cd /etc/hostname', '', 'bash: cd: /etc/hostname: Not a directory\n', 1],
    ['echo $((1/0))', '', 'bash: 1/0: division by 0 (error token is "0")\n', 1],
    ['[ 1 -eq a ]', '', 'bash: [: a: integer expression expected\n', 2],
    ['[ a b ]', '', 'bash: [: b: binary operator expected\n', 2],
    ['[ a', '', "bash: [: missing `]'\n", 2],
    ['echo x > /nonexistent/f', '', 'bash: /nonexistent/f: No such file or directory\n', 1],
    ['cat < /nope', '', 'bash: /nope: No such file or directory\n', 1],
    ['echo hi > /tmp', '', 'bash: /tmp: Is a directory\n', 1],
    ['unset q; echo ${q:?}', '', 'bash: q: parameter null or not set\n', 1],
    ['echo ${x!}', '', 'bash: ${x!}: bad substitution\n', 1],
    ['if true; then', '', 'bash: syntax error: unexpected end of file\n', 2],
    ['echo a |', '', 'bash: syntax error: unexpected end of file\n', 2],
    ['exit 7', '', 'exit\n', 7],
  ];
  it.each(cases)('%s', async (line, out, err, code) => {
    const { run } = await makeShell();
    const r = await run(line);
    expect({ out: r.out, err: r.err, code: r.code }).toEqual({ out, err, code });
  });
});

describe('session state', () => {
  it('keeps variables, cwd and history between lines and shows bash prompts', async () => {
    const { host, run } = await makeShell();
    expect(host.session.prompt()).toBe('root@host:~# ');
    await run('X=1; cd /var/lib');
    expect(host.session.prompt()).toBe('root@host:/var/lib# ');
    expect((await run('echo $X $PWD $OLDPWD')).out).toBe('1 /var/lib /root\n');
    expect((await run('cd -')).out).toBe('/root\n');
    expect((await run('history')).out).toBe(
      '    1  X=1; cd /var/lib\n    2  echo $X $PWD $OLDPWD\n    3  cd -\n    4  history\n',
    );
  });

  it('says when input is unfinished, so a REPL can ask for more', async () => {
    const { host } = await makeShell();
    expect(host.session.needsMore('if true; then')).toBe(true);
    expect(host.session.needsMore('echo "open')).toBe(true);
    expect(host.session.needsMore('echo done')).toBe(false);
  });

  it('pushes a container shell and pops it on exit', async () => {
    const { host, run } = await makeShell();
    await run('mkdir -p /c/etc /c/bin && echo inside > /c/etc/hostname');
    // A container runs what its image holds: this one has cat and ls.
    await run('touch /c/bin/cat /c/bin/ls && chmod 755 /c/bin/cat /c/bin/ls');
    let exited = false;
    host.session.enterShell({ root: '/c', hostname: 'c0ffee123456', onExit: () => (exited = true) });
    expect(host.session.prompt()).toBe('root@c0ffee123456:/# ');
    expect(await run('nosuch')).toEqual({ out: '', err: 'bash: nosuch: command not found\n', code: 127 });
    expect((await run('cat /etc/hostname; ls /')).out).toBe('inside\nbin\netc\n');
    const r = await run('exit');
    expect(r.code).toBe(0);
    expect(exited).toBe(true);
    expect(host.session.prompt()).toBe('root@host:~# ');
  });

  it('sleep moves the simulated clock on instead of waiting', async () => {
    const { run } = await makeShell();
    const started = Date.now();
    expect((await run('date +%T; sleep 90; date +%T; sleep 1d; date +%F')).out).toMatch(
      /^23:16:\d\d\n23:17:\d\d\n2024-11-24\n$/,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await run('sleep x')).toEqual({
      out: '',
      err: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n",
      code: 1,
    });
  });

  it('stops an endless loop instead of hanging', async () => {
    const { run } = await makeShell();
    const r = await run('while true; do :; done');
    expect(r.code).toBe(130);
    expect(r.err).toMatch(/^bash: stopped after \d+ commands/);
  });

  it('expands aliases from Ubuntu root .bashrc (ll)', async () => {
    const { run } = await makeShell();
    const lines = (await run('mkdir /e && cd /e && ll')).out.split('\n');
    expect(lines[0]).toBe('total 8');
    expect(lines[1]).toMatch(/^drwxr-xr-x +2 root root 4096 Nov 23 23:16 \.\/$/);
    expect(lines[2]).toMatch(/^drwxr-xr-x +\d+ root root 4096 Nov 23 23:16 \.\.\/$/);
  });

  it('globs against the simulated disk and keeps a word that matches nothing', async () => {
    const { run } = await makeShell();
    await run('mkdir /g && cd /g && touch a1 a2 b1 .h');
    expect((await run('echo a* ?1 [ab]2 *.none')).out).toBe('a1 a2 a1 b1 a2 *.none\n');
    // bash 5.2's globskipdots: .* does not match . and ..
    expect((await run('echo * .*')).out).toBe('a1 a2 b1 .h\n');
    expect((await run('echo "a*" /g/b*')).out).toBe('a* /g/b1\n');
  });
});
