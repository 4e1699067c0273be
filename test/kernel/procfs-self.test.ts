// /proc/self as the command reading it sees itself: its maps (its program, glibc, the locale it
// reads, the vDSO's areas of the release), its cmdline and environ (env -i's, not the shell's).
// Script 91 compares the same with the real kernel; these check the model's promises beside it.
import { describe, expect, it } from 'vitest';
import { formatMaps } from '../../src/kernel/procfs-maps.js';
import { initTask } from '../../src/kernel/tasks.js';
import { makeShell } from '../shell/shell-harness.js';

const paths = (maps: string): string[] =>
  maps
    .trimEnd()
    .split('\n')
    .map((l) => l.split(/ +/)[5] ?? '');

describe('/proc/self/maps', () => {
  it("the reader's program, its locale, glibc and the loader; the inode is the program's", async () => {
    const { run } = await makeShell();
    const r = await run('cat /proc/self/maps; stat -c %i /usr/bin/cat');
    const lines = r.out.trimEnd().split('\n');
    const ino = lines.pop();
    const maps = lines.join('\n');
    expect(paths(maps).slice(0, 6)).toEqual([...Array(5).fill('/usr/bin/cat'), '[heap]']);
    expect(lines[0]?.split(/ +/)[4]).toBe(ino);
    expect(paths(maps).filter((p) => p.endsWith('libc.so.6'))).toHaveLength(5);
    expect(paths(maps)).toContain('/usr/lib/locale/C.utf8/LC_CTYPE');
    // 5.15: no [vvar_vclock]; the name column starts at 74, an anonymous area ends in a space.
    expect(paths(maps).slice(-5)).toEqual([
      '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
      '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
      '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
      '[stack]',
      '[vsyscall]',
    ]);
    expect(maps).toContain(' [vdso]\n');
    expect(maps).not.toContain('vvar_vclock');
    for (const l of lines) if (l.split(/ +/).length > 6) expect(l.indexOf('/')).toBeGreaterThanOrEqual(73);
    expect(lines.find((l) => l.endsWith(' 0 '))).toBeDefined();
    // After it, /proc/self is still whoever reads it.
    expect((await run('cat /proc/self/comm')).out).toBe('cat\n');
  });

  it('a 6.13+ kernel maps [vvar_vclock]; without a UTF-8 locale there is no locale file', async () => {
    const { run } = await makeShell({ machine: { release: '6.18.44', version: '#1 SMP' } });
    const maps = (await run('env LANG=C cat /proc/self/maps')).out;
    expect(paths(maps)).toContain('[vvar_vclock]');
    expect(maps).not.toContain('/usr/lib/locale');
  });

  it('a static program (no glibc in its root) has its own segments at 0x400000 and no loader', () => {
    const t = { ...initTask(0), pid: 7, exe: '/bin/cat', env: {} };
    const maps = formatMaps(t, undefined, () => ({ major: 254, minor: 1, ino: 42 }), { vvarVclock: false });
    expect(maps.split('\n')[0]).toMatch(/^00400000-00401000 r--p 00000000 fe:01 42 +\/bin\/cat$/);
    expect(maps).not.toContain('ld-linux');
    expect(maps).not.toContain('libc');
  });

  it("a container's process maps its image's glibc by the real file's path", async () => {
    const { run } = await makeShell();
    await run('docker run -d --name box busybox sleep 1000');
    const maps = (await run('docker exec box cat /proc/self/maps')).out;
    expect(paths(maps)[0]).toBe('/bin/cat');
    expect(paths(maps)).toContain('/lib/libc.so.6');
    expect(paths(maps)).toContain('/lib64/ld-linux-x86-64.so.2');
  });
});

describe('/proc/self/cmdline and environ', () => {
  it('hold the argv and the environment the command was given, NUL after each', async () => {
    const { run } = await makeShell();
    expect((await run('cat /proc/self/cmdline | tr "\\0" " "')).out).toBe('cat /proc/self/cmdline ');
    expect((await run('env -i A=1 cat /proc/self/environ | tr "\\0" " "')).out).toBe('A=1 ');
    expect((await run('env -i A=1 B=2 env')).out).toBe('A=1\nB=2\n');
    expect((await run('env -u HOME env | grep -c ^HOME=')).out).toBe('0\n');
  });
});
