// chattr +i and what the kernel then refuses, as e2fsprogs and Linux answered on an ext4 host (the
// texts below are what the real commands printed on the project's reference machine, Debian 12),
// and through an overlay's merged path: the file copied up and its upper inode marked.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../../shell-harness.js';

describe('chattr and the immutable flag', () => {
  it('+i refuses rm, a write, mv, ln, chmod and touch with EPERM; -i lets them through again', async () => {
    const { run } = await makeShell();
    await run('mkdir -p /tmp/ci && cd /tmp/ci && echo hi > f');
    expect((await run('chattr +i f; lsattr f')).out).toBe('----i---------e------- f\n');
    const refused = await run('rm f; rm -f f; echo x >> f; mv f g; ln f h; chmod 600 f; touch f; cat f');
    expect(refused.err).toBe(
      [
        "rm: cannot remove 'f': Operation not permitted",
        "rm: cannot remove 'f': Operation not permitted",
        'bash: f: Operation not permitted',
        "mv: cannot move 'f' to 'g': Operation not permitted",
        "ln: failed to create hard link 'h' => 'f': Operation not permitted",
        "chmod: changing permissions of 'f': Operation not permitted",
        "touch: cannot touch 'f': Operation not permitted",
        '',
      ].join('\n'),
    );
    expect(refused.out).toBe('hi\n');
    // An immutable directory takes no new entry.
    expect((await run('mkdir d; chattr +i d; touch d/x')).err).toBe(
      "touch: cannot touch 'd/x': Operation not permitted\n",
    );
    const undone = await run('chattr -i f d; echo more >> f; touch d/x; rm f; ls');
    expect([undone.err, undone.out]).toEqual(['', 'd\n']);
  });

  it('says what e2fsprogs says for a missing file, a symlink, /proc, no sign, -V and -f', async () => {
    const { run } = await makeShell();
    await run('mkdir -p /tmp/ci && cd /tmp/ci && echo hi > f && ln -s f sl');
    expect(await run('chattr +i nosuch')).toEqual({
      out: '',
      err: 'chattr: No such file or directory while trying to stat nosuch\n',
      code: 1,
    });
    expect((await run('chattr +i sl')).err).toBe('chattr: Operation not supported while reading flags on sl\n');
    expect((await run('chattr +i /proc/version')).err).toBe(
      'chattr: Operation not supported while reading flags on /proc/version\n',
    );
    // The kernel the host claims (5.15) has no flags on tmpfs: the ioctl is ENOTTY there.
    await run('mkdir /tmp/tm; mount -t tmpfs none /tmp/tm; echo a > /tmp/tm/f');
    expect((await run('chattr +i /tmp/tm/f; lsattr /tmp/tm/f')).err).toBe(
      'chattr: Inappropriate ioctl for device while reading flags on /tmp/tm/f\n' +
        'lsattr: Inappropriate ioctl for device While reading flags on /tmp/tm/f\n',
    );
    // 6.0 gave tmpfs the flags (the real commands on 6.18: no extents flag there, +i enforced).
    const { run: run618 } = await makeShell({ machine: { release: '6.18.44-fc-v1272', version: '#1 SMP' } });
    await run618('mkdir /tmp/tm; mount -t tmpfs none /tmp/tm; echo a > /tmp/tm/f; mkdir /tmp/tm/d');
    expect((await run618('lsattr /tmp/tm/f; lsattr -d /tmp/tm/d')).out).toBe(
      '---------------------- /tmp/tm/f\n---------------------- /tmp/tm/d\n',
    );
    expect(await run618('chattr +i /tmp/tm/f; lsattr /tmp/tm/f; rm -f /tmp/tm/f')).toEqual({
      out: '----i----------------- /tmp/tm/f\n',
      err: "rm: cannot remove '/tmp/tm/f': Operation not permitted\n",
      code: 1,
    });
    expect((await run('chattr i f')).err).toBe("Must use '-v', =, - or +\n");
    expect((await run('chattr +z f')).err).toMatch(/^Usage: chattr \[-RVf\]/);
    expect((await run('chattr -e f')).err).toBe('chattr: Operation not permitted while setting flags on f\n');
    expect((await run('chattr -V =i f')).out).toBe(
      'chattr 1.46.5 (30-Dec-2021)\nFlags of f set as ----i---------e-------\n',
    );
    expect((await run('chattr = f; lsattr f')).out).toBe('--------------e------- f\n');
    expect(await run('chattr -f +i nosuch')).toEqual({ out: '', err: '', code: 1 });
  });

  it("through a container's merged dir: the file is copied up, marked there, and rm inside fails", async () => {
    const { run } = await makeShell();
    await run('docker run -d --name box busybox sleep 1000');
    const merged = (await run("docker inspect -f '{{.GraphDriver.Data.MergedDir}}' box")).out.trim();
    const upper = merged.replace(/merged$/, 'diff');
    expect((await run(`ls ${upper}/etc 2>&1`)).out).not.toContain('group');
    await run(`chattr +i ${merged}/etc/group`);
    expect((await run(`lsattr ${upper}/etc/group`)).out).toBe(`----i---------e------- ${upper}/etc/group\n`);
    expect((await run('docker exec box rm /etc/group')).err).toBe(
      "rm: can't remove '/etc/group': Operation not permitted\n",
    );
    await run(`chattr -i ${merged}/etc/group`);
    expect((await run('docker exec box rm /etc/group')).code).toBe(0);
  });
});
