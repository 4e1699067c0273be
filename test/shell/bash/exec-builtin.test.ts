// `exec CMD`: the shell becomes CMD — nothing after it runs, the shell's status is CMD's. An image's
// entrypoint ends in `exec "$@"`, so without it no command given to `docker run nginx` ran at all.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

describe('exec', () => {
  it('runs the command in the shell’s place: what follows does not run, its status is the shell’s', async () => {
    const { run } = await makeShell();
    expect(await run('bash -c "exec echo a; echo b"; echo "status $?"')).toEqual({
      out: 'a\nstatus 0\n',
      err: '',
      code: 0,
    });
    expect((await run('bash -c "exec false; echo b"; echo "status $?"')).out).toBe('status 1\n');
    expect((await run('bash -c "exec -- echo dashed"')).out).toBe('dashed\n');
  });

  it('a command handed to an image whose entrypoint ends in exec "$@" runs', async () => {
    const { run } = await makeShell();
    await run('docker pull -q nginx');
    await run('docker pull -q busybox');
    expect(await run('docker run --rm nginx sh -c "echo in-nginx"')).toEqual({ out: 'in-nginx\n', err: '', code: 0 });
    expect((await run('docker run --rm busybox sh -c "exec echo hi; echo no"')).out).toBe('hi\n');
  });

  it('says what bash says of a bad option, and without a command changes nothing', async () => {
    const { run } = await makeShell();
    expect(await run('exec -x')).toEqual({
      out: '',
      err:
        'bash: exec: -x: invalid option\n' +
        'exec: usage: exec [-cl] [-a name] [command [argument ...]] [redirection ...]\n',
      code: 2,
    });
    expect(await run('exec; echo still')).toEqual({ out: 'still\n', err: '', code: 0 });
  });
});
