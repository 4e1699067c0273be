// Script mode end to end: the built bin (dist/cli.js) runs a script file on a simulated host.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scriptLines } from '../../src/io/script-mode.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
let dir: string;

beforeAll(() => {
  execFileSync('node', ['scripts/build.mjs'], { cwd: join(import.meta.dirname, '../..') });
  dir = mkdtempSync(join(tmpdir(), 'overlay-tutor-script-'));
}, 60_000);

function runCli(args: string[]): { out: string; err: string; code: number } {
  const r = spawnSync('node', [CLI, ...args], { encoding: 'utf8' });
  return { out: r.stdout, err: r.stderr, code: r.status ?? -1 };
}

describe('the modes without a screen', () => {
  // The bin's command line runs ahead of Ink and React in the bundle (src/cli-modes.ts): every
  // mode but the screen must end before they are evaluated. Ink's layout engine compiles a
  // WebAssembly module when it is evaluated; a preloaded counter sees whether it ever was.
  const COUNTER = join(import.meta.dirname, '../support/count-wasm.cjs');
  const compiledBy = (args: string[], input = '') =>
    /wasm modules compiled: (\d+)/.exec(
      spawnSync('node', ['--require', COUNTER, ...args], {
        encoding: 'utf8',
        input,
        cwd: join(import.meta.dirname, '../..'),
      }).stderr,
    )?.[1];

  it('never evaluate Ink: --version, --help, script, lessons and the line-mode REPL', () => {
    // The counter counts: importing Ink's layout engine alone compiles its module.
    expect(Number(compiledBy(['--input-type=module', '-e', "await import('yoga-layout')"]))).toBeGreaterThan(0);
    const file = join(dir, 'no-ink.sh');
    writeFileSync(file, 'echo hi\n');
    expect(compiledBy([CLI, '--version'])).toBe('0');
    expect(compiledBy([CLI, '--help'])).toBe('0');
    expect(compiledBy([CLI, 'script', file])).toBe('0');
    expect(compiledBy([CLI, 'lessons'])).toBe('0');
    expect(compiledBy([CLI, 'sandbox'], 'echo hi\n')).toBe('0');
  });
});

describe('overlay-tutor script', () => {
  it('prints each line after `$ ` and then its output, skipping comments and blank lines', () => {
    const file = join(dir, 'basic.sh');
    writeFileSync(
      file,
      '# a comment\n\necho hello\ncd /tmp && mkdir d && ls\nif true; then\n  echo inside\nfi\nfalse\necho after\n',
    );
    const r = runCli(['script', file]);
    expect(r.out).toBe(
      '$ echo hello\nhello\n$ cd /tmp && mkdir d && ls\nd\n$ if true; then\n>   echo inside\n> fi\ninside\n$ false\n$ echo after\nafter\n',
    );
    expect(r.code).toBe(0);
  });

  it('exits with the first failing status under --strict', () => {
    const file = join(dir, 'strict.sh');
    writeFileSync(file, 'true\nls /nope\nexit 0\necho never\n');
    const r = runCli(['script', file, '--strict']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    expect(r.out).toBe("$ true\n$ ls /nope\nls: cannot access '/nope': No such file or directory\n$ exit 0\n");
  });

  it('keeps stdout and stderr in the order they were written, as `2>&1` does', () => {
    const file = join(dir, 'order.sh');
    writeFileSync(file, 'echo one; ls /nope; echo two\n');
    expect(runCli(['script', file]).out).toBe(
      "$ echo one; ls /nope; echo two\none\nls: cannot access '/nope': No such file or directory\ntwo\n",
    );
  });

  it('copies real files and folders in with --copy-in and writes nothing back', () => {
    const src = join(dir, 'tree');
    mkdirSync(join(src, 'sub'), { recursive: true });
    writeFileSync(join(src, 'a.txt'), 'real data\n');
    writeFileSync(join(src, 'sub', 'b.txt'), 'b\n');
    const file = join(dir, 'copy.sh');
    writeFileSync(file, 'cat /in/a.txt\nfind /in | sort\nrm -r /in\n');
    const r = runCli(['script', file, '--copy-in', `${src}:/in`, '--strict']);
    expect(r.out).toBe(
      '$ cat /in/a.txt\nreal data\n$ find /in | sort\n/in\n/in/a.txt\n/in/sub\n/in/sub/b.txt\n$ rm -r /in\n',
    );
    expect(r.code).toBe(0);
    expect(readFileSync(join(src, 'a.txt'), 'utf8')).toBe('real data\n');
  });

  it('makes the same ids from the same --seed', () => {
    const file = join(dir, 'seed.sh');
    writeFileSync(file, 'echo $RANDOM $RANDOM\n');
    expect(runCli(['script', file, '--seed', '7']).out).toBe(runCli(['script', file, '--seed', '7']).out);
  });

  it('starts the host clock at --date, else at the real now', () => {
    const file = join(dir, 'date.sh');
    writeFileSync(file, 'date -u +%FT%H:%M\n');
    expect(runCli(['script', file, '--date', '2023-09-01T10:00:00Z']).out).toBe(
      '$ date -u +%FT%H:%M\n2023-09-01T10:00\n',
    );
    const before = Date.now();
    const shown = Date.parse(`${runCli(['script', file]).out.split('\n')[1]}Z`);
    expect(shown).toBeGreaterThan(before - 120_000);
    expect(shown).toBeLessThan(Date.now() + 60_000);
    const bad = runCli(['script', file, '--date', 'tomorrow']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      "overlay-tutor: --date wants a date like 2024-11-23 or 2024-11-23T23:16:00Z, not 'tomorrow'\n",
    );
  });

  it('explains bad arguments', () => {
    expect(runCli(['script']).code).toBe(2);
    expect(runCli(['script', join(dir, 'missing.sh')]).err).toMatch(
      /^overlay-tutor: .*missing\.sh: No such file or directory\n$/,
    );
    // Read whole, a device or a FIFO would never end: refused before it is opened.
    expect(runCli(['script', '/dev/zero'])).toMatchObject({
      code: 2,
      err: 'overlay-tutor: /dev/zero is a character device, not a file\n',
    });
    expect(runCli(['script', 'x', '--copy-in', 'nocolon']).err).toBe(
      "overlay-tutor: --copy-in wants HOST_PATH:/SIM_PATH, not 'nocolon'\n",
    );
    expect(runCli(['--help']).out).toContain('overlay-tutor script FILE');
  });

  it('the line REPL runs piped lines with prompts and continuation lines', () => {
    const r = spawnSync('node', [CLI, 'sandbox'], { input: 'echo "a\nb"\ncd /etc\nexit 3\n', encoding: 'utf8' });
    expect(r.stdout).toBe('root@host:~# > a\nb\nroot@host:~# root@host:/etc# ');
    expect(r.stderr).toBe('exit\n');
    expect(r.status).toBe(3);
  });
});

describe('a reader that goes away', () => {
  it('ends the bin quietly, as coreutils do under `| head -1`', () => {
    // bash runs the pipeline: head exits after one line, and the bin, with far more than a pipe's
    // buffer still to write, meets a closed pipe.
    const file = join(dir, 'long.sh');
    writeFileSync(file, `${'ls -R /etc\n'.repeat(400)}`);
    const r = spawnSync(
      'bash',
      [
        '-c',
        `node ${JSON.stringify(CLI)} script ${JSON.stringify(file)} | head -1; echo "status \${PIPESTATUS[0]}" >&2`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stdout).toBe('$ ls -R /etc\n');
    expect(r.stderr).toBe('status 0\n');
  });
});

describe('the tutor without a terminal', () => {
  it('shows the lesson map in line mode and leaves on q', () => {
    const r = spawnSync('node', [CLI], {
      input: 'q\n',
      encoding: 'utf8',
      env: { ...process.env, XDG_STATE_HOME: join(dir, 'no-state-yet') },
    });
    expect(r.stdout).toContain(' 1. [     ] Storage drivers and docker info');
    expect(r.stdout).toContain(
      'Type a lesson number and Enter, or `sandbox` for a host with no lesson; `q` quits.\nlesson> ',
    );
    expect(r.status).toBe(0);
  });
});

describe('scriptLines', () => {
  it('joins unfinished lines until the construct closes', () => {
    const more = (s: string): boolean => (s.match(/\bif\b/g)?.length ?? 0) > (s.match(/\bfi\b/g)?.length ?? 0);
    expect(scriptLines('a\n#c\nif x\nthen y\nfi\n\nb', more)).toEqual(['a', 'if x\nthen y\nfi', 'b']);
  });
});
