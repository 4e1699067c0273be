// `bash` and `sh` as programs: what each shell answers depends on which it is and where it runs.
// Checked against GNU bash (its --version/--help texts from shell.c and version.c of bash-5.0, 5.1
// and 5.2), dash and busybox 1.35's ash on this machine. A shell with no terminal and no script
// reads its standard input; it used to open a nested shell, so `docker run --rm busybox sh --help`
// left the learner typing inside the container.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

describe('bash and sh as programs', () => {
  it('the host bash is Ubuntu 22.04’s: its variables and --version', async () => {
    const { run } = await makeShell();
    expect((await run('echo "$BASH_VERSION|$BASH|$HOSTTYPE|$OSTYPE|$MACHTYPE|$UID|$EUID"')).out).toBe(
      '5.1.16(1)-release|/bin/bash|x86_64|linux-gnu|x86_64-pc-linux-gnu|0|0\n',
    );
    // Run by name, bash finds itself on PATH: /usr/bin comes before /bin.
    expect((await run(`bash -c 'echo $BASH $BASH_VERSION'`)).out).toBe('/usr/bin/bash 5.1.16(1)-release\n');
    const v = await run('bash --version');
    expect(v.out.split('\n').slice(0, 2)).toEqual([
      'GNU bash, version 5.1.16(1)-release (x86_64-pc-linux-gnu)',
      'Copyright (C) 2020 Free Software Foundation, Inc.',
    ]);
    expect(v.code).toBe(0);
    // Exported? No: bash sets them as shell variables only.
    expect((await run('env | grep -c BASH_VERSION')).out).toBe('0\n');
  });

  it('--help, and a bad option: invalid option, the usage without its help lines, status 2', async () => {
    const { run } = await makeShell();
    const help = await run('bash --help');
    expect(help.out).toMatch(/^GNU bash, version 5\.1\.16\(1\)-release-\(x86_64-pc-linux-gnu\)\nUsage:\tbash /);
    expect(help.out).toContain('\t-abefhkmnptuvxBCHP or -o option\n');
    expect(help.out).toMatch(/General help using GNU software: <http:\/\/www\.gnu\.org\/gethelp\/>\n$/);
    const bad = await run('bash --nosuch');
    expect([bad.code, bad.out]).toEqual([2, '']);
    expect(bad.err).toMatch(/^bash: --nosuch: invalid option\nUsage:\tbash \[GNU long option\]/);
    expect(bad.err).not.toContain('bashbug');
    expect((await run('bash -Q')).err).toMatch(/^bash: -Q: invalid option\n/);
    // dash, Ubuntu's /bin/sh, takes no long option at all.
    expect(await run('sh --version')).toEqual({ out: '', err: 'sh: 0: Illegal option --\n', code: 2 });
  });

  it('bash and busybox ash count themselves in an inherited SHLVL, dash does not; a nested bash is level 2', async () => {
    const { host, run } = await makeShell();
    expect((await run(`bash -c 'echo $SHLVL'; sh -c 'echo $SHLVL'`)).out).toBe('2\n1\n');
    await run('bash');
    expect(host.session.depth).toBe(1);
    expect((await run('echo $SHLVL $BASH_VERSION')).out).toBe('2 5.1.16(1)-release\n');
    await run('exit');
    expect((await run('echo $SHLVL')).out).toBe('1\n');
    await run('docker pull -q busybox');
    // A container's command has no SHLVL in its environment: the shell starts it at 1.
    expect((await run(`docker run --rm busybox sh -c 'echo $SHLVL; sh -c "echo \\$SHLVL"'`)).out).toBe('1\n2\n');
  });

  it('reads its script from standard input when that is no terminal, and opens no nested shell', async () => {
    const { host, run } = await makeShell();
    expect((await run('sh', { stdin: 'echo hi $0\n' })).out).toBe('hi sh\n');
    expect((await run('bash', { stdin: 'echo hi $0 $BASH_VERSION\n' })).out).toBe('hi bash 5.1.16(1)-release\n');
    expect(await run('bash', { stdin: '' })).toEqual({ out: '', err: '', code: 0 });
    expect(host.session.depth).toBe(0);
  });

  it('in a container: the image’s bash, dash or busybox ash', async () => {
    const { host, run } = await makeShell();
    await run('docker pull -q ubuntu:20.04 && docker pull -q busybox');
    expect((await run('docker run --rm ubuntu:20.04 bash --version')).out.split('\n').slice(0, 2)).toEqual([
      'GNU bash, version 5.0.17(1)-release (x86_64-pc-linux-gnu)',
      'Copyright (C) 2019 Free Software Foundation, Inc.',
    ]);
    expect((await run(`docker run --rm ubuntu:20.04 bash -c 'echo "$BASH_VERSION $BASH $UID"'`)).out).toBe(
      '5.0.17(1)-release /usr/bin/bash 0\n',
    );
    expect((await run(`docker run --rm -u 1000 ubuntu:20.04 bash -c 'echo $UID $EUID'`)).out).toBe('1000 1000\n');
    // sh is dash there: no bash variables.
    expect((await run(`docker run --rm ubuntu:20.04 sh -c 'echo "[$BASH_VERSION] $UID"'`)).out).toBe('[] \n');
    const help = await run('docker run --rm busybox sh --help');
    expect(help.out).toBe('');
    expect(help.err).toMatch(/multi-call binary\.\n\nUsage: sh \[-il\] .*\n\nUnix shell interpreter\n$/);
    expect((await run('docker run --rm busybox sh --version')).code).toBe(0);
    // Without -i the shell reads nothing and exits; with -i it reads what was piped in.
    expect((await run('echo "echo in-\\$0" | docker run --rm busybox sh')).out).toBe('');
    expect((await run('echo "echo in-\\$0" | docker run --rm -i busybox sh')).out).toBe('in-sh\n');
    expect((await run('echo "echo \\$BASH_VERSION" | docker run --rm -i ubuntu:20.04 bash')).out).toBe(
      '5.0.17(1)-release\n',
    );
    expect(host.session.depth).toBe(0);
  });
});
