// su, getconf and find -follow on the simulated host (script 88 holds them against the real ones).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../../shell-harness.js';

describe('su', () => {
  it('root becomes another user without a password; that user cannot su back', async () => {
    const { run } = await makeShell();
    expect((await run('su nobody -s /bin/sh -c id')).out).toBe(
      'uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n',
    );
    const back = await run("su nobody -s /bin/sh -c 'su root -c id'");
    expect(back.err).toBe('Password: su: Authentication failure\n');
    expect(back.code).toBe(1);
    expect((await run('su nobody -c id')).err).toBe('This account is currently not available.\n');
  });
});

describe('getconf and find -follow', () => {
  it("getconf gives the machine's values and glibc's errors", async () => {
    const { run } = await makeShell();
    expect((await run('getconf PAGESIZE; getconf NAME_MAX /')).out).toBe('4096\n255\n');
    const bad = await run('getconf BOGUS');
    expect([bad.err, bad.code]).toEqual(["getconf: Unrecognized variable `BOGUS'\n", 2]);
  });

  it('find -follow follows links as -L does', async () => {
    const { run } = await makeShell();
    const r = await run('cd /tmp && mkdir -p a/d && ln -s d a/l && touch a/d/x && find a -type f -follow | sort');
    expect(r.out).toBe('a/d/x\na/l/x\n');
  });
});
