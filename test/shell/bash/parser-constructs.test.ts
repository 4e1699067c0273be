// The constructs the tutor's shell must understand, one row each: input, and the AST in a
// compact shell-like rendering (see `show` below). Every row was checked with bash as well.
import { spawnSync } from 'node:child_process';
import { assert, describe, expect, it } from 'vitest';
import type { Command, CommandList, Pipeline, Redirect, Word, WordPart } from '../../../src/shell/bash/ast.js';
import { parseCommandLine } from '../../../src/shell/bash/parser.js';

// [what, input, rendering]. In renderings, cmd(…) is a simple command; parts that are not
// plain text are in braces: {$X}, {$(…)}, {`…`}, {$((…))}, {~user}, {*} for globs; '…' and
// "…" are quotes as parsed.
const CONSTRUCTS: [string, string, string][] = [
  ['list ; && || &', 'a; b && c || d & e', 'cmd(a) ; cmd(b) && cmd(c) || cmd(d) & ; cmd(e)'],
  ['newlines separate commands', 'a\nb\n\nc', 'cmd(a) ; cmd(b) ; cmd(c)'],
  ['pipeline', 'cat f | grep x | wc -l', 'cmd(cat f) | cmd(grep x) | cmd(wc -l)'],
  ['pipeline negation', '! grep -q x f', '! cmd(grep -q x f)'],
  ['|& pipes stderr too', 'make |& tee log', 'cmd(make 2>&1) | cmd(tee log)'],
  ['line break after | and &&', 'a |\n b &&\n\n c', 'cmd(a) | cmd(b) && cmd(c)'],
  ['assignments before a command', 'A=1 B=x$y env', 'cmd(A=1 B=x{$y} env)'],
  ['assignment only', 'UPPER_DIR=$(docker inspect nginx)', 'cmd(UPPER_DIR={$(cmd(docker inspect nginx))})'],
  ['assignment-looking argument', 'docker run --name=nginx -e A=1 img', 'cmd(docker run --name=nginx -e A=1 img)'],
  ['append and indexed assignment', 'x+=more; a[2]=v', 'cmd(x+=more) ; cmd(a[2]=v)'],
  ['array assignment', 'x=(1 "2 3" $y)', 'cmd(x=(1 "2 3" {$y}))'],
  ['redirects', 'cmd <in >out 2>err >>log 2>>elog', 'cmd(cmd <in >out 2>err >>log 2>>elog)'],
  ['fd duplication and closing', 'cmd 2>&1 >&2 3<&0 4>&-', 'cmd(cmd 2>&1 >&2 3<&0 4>&-)'],
  ['&> and &>>', 'cmd &>all; cmd &>>all', 'cmd(cmd &>all) ; cmd(cmd &>>all)'],
  ['/dev/null', 'cmd > /dev/null 2>&1', 'cmd(cmd >/dev/null 2>&1)'],
  ['redirect before the command', '2>/dev/null ls; >empty', 'cmd(ls 2>/dev/null) ; cmd(>empty)'],
  ['here-string', 'cat <<< "$x"', 'cmd(cat <<<"{$x}")'],
  ['here-document', 'cat <<EOF\nhello $USER\nEOF', 'cmd(cat <<EOF{heredoc "EOF": hello {$USER}\n})'],
  [
    'quoted here-document delimiter',
    "cat <<'EOF'\nhello $USER\nEOF",
    'cmd(cat <<\'EOF\'{heredoc quoted "EOF": hello $USER\n})',
  ],
  ['<<- strips tabs', 'cat <<-END\n\ttabbed\n\tEND', 'cmd(cat <<-END{heredoc - "END": tabbed\n})'],
  [
    'here-document then more commands',
    'cat <<A; echo after\nbody\nA\necho next',
    'cmd(cat <<A{heredoc "A": body\n}) ; cmd(echo after) ; cmd(echo next)',
  ],
  ['single quotes keep everything', "echo '$x `y` \\\\ \"'", "cmd(echo '$x `y` \\\\ \"')"],
  [
    'double quotes keep expansions',
    'echo "a $b ${c:-d e} $(f) `g` $((1+2))"',
    'cmd(echo "a {$b} {$c:-d e} {$(cmd(f))} {`cmd(g)`} {$((1+2))}")',
  ],
  ['backslash escapes', 'echo \\$x \\* a\\ b "\\$x \\\\ \\a"', 'cmd(echo $x * a b "$x \\ \\a")'],
  ['ANSI-C quotes', "echo $'t\\tu\\n\\x41\\101\\''", "cmd(echo 't\tu\nAA'')"],
  ['adjacent quoting joins one word', 'echo a"b"\'c\'$d', 'cmd(echo a"b"\'c\'{$d})'],
  ['line continuation', 'echo a\\\nb', 'cmd(echo ab)'],
  [
    'parameters',
    'echo $HOME ${HOME} $? $# $1 $10 ${10} $@ $* $$ $! $- $0',
    'cmd(echo {$HOME} {$HOME} {$?} {$#} {$1} {$1}0 {$10} {$@} {$*} {$$} {$!} {$-} {$0})',
  ],
  [
    'parameter operators',
    'echo ${x:-d} ${x-d} ${x:=d} ${x:?msg} ${x:+alt} ${#x}',
    'cmd(echo {$x:-d} {$x-d} {$x:=d} {$x:?msg} {$x:+alt} {$#x})',
  ],
  [
    'pattern operators',
    'echo ${x#*/} ${x##*/} ${x%.*} ${x%%.*} ${x/a/b} ${x//a} ${x:1:2} ${x^^}',
    'cmd(echo {$x#{*}/} {$x##{*}/} {$x%.{*}} {$x%%.{*}} {$x/a/b} {$x//a} {$x:1:2} {$x^^})',
  ],
  ['nested parameter default', 'echo ${a:-${b:-c}}', 'cmd(echo {$a:-{$b:-c}})'],
  [
    'bad and unsupported substitutions',
    'echo ${} ${a b} ${!x} ${x@Q}',
    'cmd(echo {bad ${}} {bad ${a b}} {bad unsupported ${!x}} {bad unsupported ${x@Q}})',
  ],
  ['literal dollar', 'echo $ "$" a$', 'cmd(echo $ "$" a$)'],
  ['command substitution', 'echo $(date) "$(ls | wc -l)"', 'cmd(echo {$(cmd(date))} "{$(cmd(ls) | cmd(wc -l))}")'],
  ['nested command substitution', 'echo $(echo $(echo hi))', 'cmd(echo {$(cmd(echo {$(cmd(echo hi))}))})'],
  ['backquotes', 'echo `date` "`whoami`"', 'cmd(echo {`cmd(date)`} "{`cmd(whoami)`}")'],
  ['nested backquotes', 'echo `echo \\`date\\``', 'cmd(echo {`cmd(echo {`cmd(date)`})`})'],
  ['case inside $(…)', 'echo $(case x in x) echo y;; esac)', 'cmd(echo {$(case x in (x)(cmd(echo y));;)})'],
  ['arithmetic expansion', 'echo $((a + 2 * (b - 1))) $[1+2]', 'cmd(echo {$((a + 2 * (b - 1)))} {$((1+2))})'],
  ['process substitution', 'diff <(ls a) <(ls b)', 'cmd(diff {<(cmd(ls a))} {<(cmd(ls b))})'],
  ['tilde', 'cd ~; ls ~/a ~root/b a~ "~" \\~', 'cmd(cd {~}) ; cmd(ls {~}/a {~root}/b a~ "~" ~)'],
  ['tilde in assignments', 'PATH=~/bin:~/sbin:$PATH', 'cmd(PATH={~}/bin:{~}/sbin:{$PATH})'],
  [
    'globs are marked, quoted ones are not',
    'ls *.txt [ab]c ? \\* "*" \'*\' [',
    'cmd(ls {*}.txt {[ab]}c {?} * "*" \'*\' [)',
  ],
  ['glob in a jq filter stays quoted', "jq '.[0].GraphDriver' f", "cmd(jq '.[0].GraphDriver' f)"],
  ['comments', 'echo a # comment\n# whole line\necho b#c', 'cmd(echo a) ; cmd(echo b#c)'],
  ['for', 'for f in *.txt; do cp "$f" ~/bak/; done', 'for f in({*}.txt) do(cmd(cp "{$f}" {~}/bak/))'],
  ['for over $@', 'for arg; do echo $arg; done', 'for arg do(cmd(echo {$arg}))'],
  ['for with newlines', 'for i in a b\ndo\n  echo $i\ndone', 'for i in(a b) do(cmd(echo {$i}))'],
  ['arithmetic for', 'for ((i=0; i<3; i++)); do echo $i; done', 'for((i=0; i<3; i++)) do(cmd(echo {$i}))'],
  ['while with redirect', 'while read l; do echo $l; done < f', 'while(cmd(read l)) do(cmd(echo {$l})) <f'],
  ['until', 'until false; do break; done', 'until(cmd(false)) do(cmd(break))'],
  [
    'if/elif/else',
    'if [ $? -eq 0 ]; then echo ok; elif test -z "$x"; then :; else exit 1; fi',
    'if(cmd([ {$?} -eq 0 ]))then(cmd(echo ok))elif(cmd(test -z "{$x}"))then(cmd(:))else(cmd(exit 1))',
  ],
  ['test and [ are commands', '[ -f x ] && test -d y', 'cmd([ -f x ]) && cmd(test -d y)'],
  ['$? and exit codes', 'false; echo $?; exit 3', 'cmd(false) ; cmd(echo {$?}) ; cmd(exit 3)'],
  ['case', 'case $x in *.txt|*.md) echo doc;; (*) ;; esac', 'case {$x} in ({*}.txt|{*}.md)(cmd(echo doc));; ({*})();;'],
  ['case fall-through', 'case x in a) b;& c) d;;& esac', 'case x in (a)(cmd(b));& (c)(cmd(d));;&'],
  ['subshell', '( cd /tmp && ls ) | wc -l', 'subshell(cmd(cd /tmp) && cmd(ls)) | cmd(wc -l)'],
  [
    'brace group with redirects',
    '{ echo a; echo b; } > out 2>/dev/null',
    'group(cmd(echo a) ; cmd(echo b)) >out 2>/dev/null',
  ],
  [
    'function definitions',
    'f() { echo $1; }; function g { :; }; function h() ( ls )',
    'function f group(cmd(echo {$1})) ; function g group(cmd(:)) ; function h subshell(cmd(ls))',
  ],
  ['arithmetic command', '((i++)) && echo', '((i++)) && cmd(echo)'],
  ['[[ … ]]', '[[ -f x && $y == a* ]]', '[[ -f x && {$y} == a{*} ]]'],
  ['reserved words are plain arguments', 'echo if then fi done { }', 'cmd(echo if then fi done { })'],
  ['empty input', '', ''],
  ['blank input', '  \t ', ''],
  ['bare ! is an empty negated command', '!', '! cmd()'],
];

describe('constructs', () => {
  it.each(CONSTRUCTS)('%s: %j', (_what, input, rendering) => {
    const result = parseCommandLine(input);
    if (result.status !== 'ok') throw new Error(`${result.status}: ${result.error.message}`);
    expect(show(result.script)).toBe(rendering);
  });

  it('keeps spans that point back into the source', () => {
    const src = 'echo "$HOME" > out.txt';
    const result = parseCommandLine(src);
    if (result.status !== 'ok') throw new Error(result.status);
    const command = result.script.items[0]?.command.head.commands[0];
    assert(command?.type === 'SimpleCommand', command?.type);
    expect(command.words.map((w) => src.slice(w.span.start, w.span.end))).toEqual(['echo', '"$HOME"']);
    const [redirect] = command.redirects;
    expect(redirect && src.slice(redirect.span.start, redirect.span.end)).toBe('> out.txt');
    expect(command.span).toEqual({ start: 0, end: src.length });
  });

  it('keeps a backquoted syntax error for run time, as bash does', () => {
    const result = parseCommandLine('echo `fi`');
    if (result.status !== 'ok') throw new Error(result.status);
    expect(show(result.script)).toBe("cmd(echo {`! syntax error near unexpected token `fi'`})");
  });

  it('reports a here-document cut short by the end of a script as a warning', () => {
    const result = parseCommandLine('cat <<EOF\nhello', { endOfInput: true });
    expect(result).toMatchObject({
      status: 'ok',
      warnings: [{ message: "here-document at line 1 delimited by end-of-file (wanted `EOF')", line: 2 }],
    });
  });

  it('takes a trailing backslash literally at the end of a script', () => {
    const result = parseCommandLine('echo a\\', { endOfInput: true });
    if (result.status !== 'ok') throw new Error(result.status);
    expect(show(result.script)).toBe('cmd(echo a\\)');
  });
});

const bash = spawnSync('bash', ['--version'], { encoding: 'utf8' });
describe.skipIf(bash.status !== 0)('constructs against the bash on this machine (bash -n: parse only)', () => {
  it.each(CONSTRUCTS)('%s: bash parses it too', (_what, input) => {
    const check = spawnSync('bash', ['-n', '-c', input], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

/** A compact, shell-like rendering of the AST, so construct tables stay readable: parts
 * that are not plain text are shown in braces ({$X}, {*}, {~}), lists in (…). */
function show(list: CommandList): string {
  return list.items
    .map((item) => {
      const andOr = [
        showPipeline(item.command.head),
        ...item.command.tail.map((l) => `${l.op} ${showPipeline(l.pipeline)}`),
      ].join(' ');
      return item.background ? `${andOr} &` : andOr;
    })
    .join(' ; ');
}

function showPipeline(p: Pipeline): string {
  return (p.negated ? '! ' : '') + p.commands.map(showCommand).join(' | ');
}

function showCommand(c: Command): string {
  const redirects = 'redirects' in c ? c.redirects.map(showRedirect) : [];
  const withRedirects = (s: string) => [s, ...redirects].join(' ');
  switch (c.type) {
    case 'SimpleCommand':
      return `cmd(${[...c.assignments.map((a) => `${a.name}${a.index === null ? '' : `[${a.index}]`}${a.append ? '+=' : '='}${a.array ? `(${a.array.map(showWord).join(' ')})` : showWord(a.value)}`), ...c.words.map(showWord), ...redirects].join(' ')})`;
    case 'Subshell':
      return withRedirects(`subshell(${show(c.body)})`);
    case 'BraceGroup':
      return withRedirects(`group(${show(c.body)})`);
    case 'If':
      return withRedirects(
        `if${c.branches.map((b) => `(${show(b.condition)})then(${show(b.body)})`).join('elif')}${c.elseBody ? `else(${show(c.elseBody)})` : ''}`,
      );
    case 'For':
      return withRedirects(
        `for ${c.variable}${c.items ? ` in(${c.items.map(showWord).join(' ')})` : ''} do(${show(c.body)})`,
      );
    case 'ArithmeticFor':
      return withRedirects(`for((${c.init};${c.test};${c.update})) do(${show(c.body)})`);
    case 'Loop':
      return withRedirects(`${c.until ? 'until' : 'while'}(${show(c.condition)}) do(${show(c.body)})`);
    case 'Case':
      return withRedirects(
        `case ${showWord(c.subject)} in${c.arms.map((a) => ` (${a.patterns.map(showWord).join('|')})(${show(a.body)})${a.terminator}`).join('')}`,
      );
    case 'ArithmeticCommand':
      return withRedirects(`((${c.expression}))`);
    case 'TestCommand':
      return withRedirects(`[[${c.words.map((w) => ` ${showWord(w)}`).join('')} ]]`);
    case 'FunctionDefinition':
      return `function ${c.name} ${showCommand(c.body)}`;
  }
}

function showRedirect(r: Redirect): string {
  const doc = r.heredoc
    ? `{heredoc${r.heredoc.quoted ? ' quoted' : ''}${r.heredoc.stripTabs ? ' -' : ''} ${JSON.stringify(r.heredoc.delimiter)}: ${showWord(r.heredoc.body)}}`
    : '';
  return `${r.fd ?? ''}${r.op}${showWord(r.target)}${doc}`;
}

function showWord(w: Word): string {
  return w.parts.map(showPart).join('');
}

function showPart(p: WordPart): string {
  switch (p.type) {
    case 'Literal':
      return p.value;
    case 'SingleQuoted':
      return `'${p.value}'`;
    case 'DoubleQuoted':
      return `"${p.parts.map(showPart).join('')}"`;
    case 'Parameter': {
      const op =
        p.op === null
          ? ''
          : `${p.op}${p.argument ? showWord(p.argument) : ''}${p.replacement ? `/${showWord(p.replacement)}` : ''}`;
      return `{$${p.length ? '#' : ''}${p.name}${op}}`;
    }
    case 'CommandSubstitution':
      if (p.body === null) return `{\`! ${p.syntaxError?.message}\`}`;
      return p.backquoted ? `{\`${show(p.body)}\`}` : `{$(${show(p.body)})}`;
    case 'Arithmetic':
      return `{$((${p.expression}))}`;
    case 'ProcessSubstitution':
      return `{${p.direction}(${show(p.body)})}`;
    case 'BadSubstitution':
      return `{bad${p.unsupported ? ' unsupported' : ''} ${p.text}}`;
    case 'Tilde':
      return `{~${p.user}}`;
    case 'Glob':
      return `{${p.pattern}}`;
  }
}
