// The simulated tar against GNU tar on this machine: the same archive listed with -tvf must read
// the same; -x puts files, links and modes on the simulated disk.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pack } from 'tar-stream';
import { createSimHost } from '../../../../src/host/sim-host.js';
import { makeShell } from '../../shell-harness.js';
import type { CommandIO } from '../../../../src/shell/command.js';

async function archive(): Promise<Uint8Array> {
  const p = pack();
  const mtime = new Date(1700000000 * 1000);
  const base = { uname: 'root', gname: 'root', uid: 0, gid: 0, mtime };
  p.entry({ ...base, name: 'etc/', type: 'directory', mode: 0o755 });
  p.entry({ ...base, name: 'etc/a.txt', mode: 0o644 }, 'x'.repeat(12345));
  p.entry({ ...base, name: 'etc/.wh.gone', mode: 0o600 }, '');
  p.entry({ ...base, name: 'etc/link', type: 'symlink', linkname: 'a.txt', mode: 0o777 });
  p.entry({ ...base, name: 'etc/hard', type: 'link', linkname: 'etc/a.txt', mode: 0o644 });
  p.entry({ name: 'usr/bin/su', mode: 0o4755, uid: 1000, gid: 1000, mtime }, 'y');
  p.finalize();
  const chunks: Uint8Array[] = [];
  for await (const c of p) chunks.push(c as Uint8Array);
  return Buffer.concat(chunks);
}

async function sim(lines: string[], tar: Uint8Array): Promise<string> {
  const host = createSimHost({ seed: 1, interactive: false });
  host.rootProc.writeFile('/tmp/t.tar', tar);
  let out = '';
  const add = (d: string | Uint8Array) => void (out += typeof d === 'string' ? d : new TextDecoder().decode(d));
  const io: CommandIO = {
    stdin: new Uint8Array(0),
    stdout: add,
    stderr: add,
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
  };
  for (const l of lines) await host.session.run(l, io);
  return out;
}

const gnuTar = spawnSync('tar', ['--version'], { encoding: 'utf8' }).stdout ?? '';

describe('tar', () => {
  it.runIf(gnuTar.includes('GNU tar'))('lists an archive as GNU tar does (-tvf and -tf)', async () => {
    const bytes = await archive();
    for (const flags of ['-tvf', '-tf']) {
      const real = spawnSync('tar', [flags, '-'], { input: bytes, encoding: 'utf8', env: { TZ: 'UTC' } }).stdout;
      expect(await sim([`tar ${flags} /tmp/t.tar`], bytes)).toBe(real);
    }
  });

  it('extracts files, links and modes with -xf and -C', async () => {
    const out = await sim(
      [
        'mkdir /tmp/x',
        'tar -xf /tmp/t.tar -C /tmp/x',
        'stat -c "%A %h %s %n" /tmp/x/etc/a.txt /tmp/x/etc/hard /tmp/x/usr/bin/su',
        'readlink /tmp/x/etc/link',
      ],
      await archive(),
    );
    expect(out).toBe(
      '-rw-r--r-- 2 12345 /tmp/x/etc/a.txt\n-rw-r--r-- 2 12345 /tmp/x/etc/hard\n-rwsr-xr-x 1 1 /tmp/x/usr/bin/su\na.txt\n',
    );
  });

  it('answers bad input as tar does', async () => {
    expect(await sim(['tar -tf /tmp/nope.tar'], await archive())).toBe(
      'tar: /tmp/nope.tar: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n',
    );
    expect(await sim(['tar -f /tmp/t.tar'], await archive())).toContain("tar: You must specify one of the '-Acdtrux'");
  });

  // GNU tar 1.34 as a real host printed it (script 93): each member asked for and not held, status 2;
  // an empty archive names them after its own complaint.
  it('names each member the archive does not hold, with status 2', async () => {
    expect(await sim(['tar -xOf /tmp/t.tar etc/a.txt nosuch etc/ other > /dev/null; echo $?'], await archive())).toBe(
      'tar: nosuch: Not found in archive\ntar: other: Not found in archive\n' +
        'tar: Exiting with failure status due to previous errors\n2\n',
    );
    expect(await sim(['tar -t nosuch < /dev/null; echo $?'], await archive())).toBe(
      'tar: This does not look like a tar archive\ntar: nosuch: Not found in archive\n' +
        'tar: Exiting with failure status due to previous errors\n2\n',
    );
  });

  // busybox's lines as busybox-static 1.35 printed them for the same tree (its -tv has seconds and
  // `-> target` for a hard link); GNU tar 1.34's for the host (script 66 runs the busybox side on a
  // real dockerd).
  it('-c makes an archive -t lists and -x gives back, in GNU and busybox forms', async () => {
    const { run } = await makeShell();
    await run('mkdir -p /tmp/w/tt/sub && cd /tmp/w && echo hello > tt/a && ln -s a tt/l && ln tt/a tt/h');
    const gnu = await run('cd /tmp/w && tar -cf - tt | tar -tvf - | sort -k6');
    expect(gnu.out).toMatch(/^drwxr-xr-x root\/root {9}0 \d{4}-\d\d-\d\d \d\d:\d\d tt\/\n/);
    expect(gnu.out).toMatch(/\nhrw-r--r-- root\/root {9}0 [\d-]+ [\d:]+ tt\/(h link to tt\/a|a link to tt\/h)\n/);
    expect(gnu.out).toMatch(/\nlrwxrwxrwx root\/root {9}0 [\d-]+ [\d:]+ tt\/l -> a\n/);
    const back = await run(
      'cd /tmp/w && tar -czf t.tgz tt && mkdir x && tar -xzf t.tgz -C x && diff -r tt x/tt; echo $?',
    );
    expect(back.out).toBe('0\n');
    await run('docker run -d --name box busybox sleep 1000');
    await run("docker exec box sh -c 'mkdir -p /tt && echo hello > /tt/a && ln /tt/a /tt/h'");
    const bb = await run("docker exec box sh -c 'tar -cf - /tt | tar -tvf -'");
    expect(bb.err).toBe("tar: removing leading '/' from member names\n");
    expect(bb.out).toMatch(/^drwxr-xr-x root\/root {9}0 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d tt\/\n/);
    expect(bb.out).toMatch(/\n-rw-r--r-- root\/root {9}0 [\d-]+ [\d:]+ tt\/(h -> tt\/a|a -> tt\/h)\n$/);
  });

  it('-c refuses what tar refuses: nothing named, a terminal, a missing path', async () => {
    const { run } = await makeShell();
    expect(await run('tar -cf /tmp/x.tar')).toEqual({
      out: '',
      err: "tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n",
      code: 2,
    });
    expect((await run('tar -c /etc/hostname', { terminal: true })).err).toBe(
      'tar: Refusing to write archive contents to terminal (missing -f option?)\ntar: Error is not recoverable: exiting now\n',
    );
    const missing = await run('tar -cf /tmp/z.tar nosuch');
    expect([missing.err, missing.code]).toEqual([
      'tar: nosuch: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n',
      2,
    ]);
  });

  it('-c of an image layer into a pipe carries its files described: wc counts 100 MB without a 1 MB budget tripping', async () => {
    const { run } = await makeShell({ budget: { outputBytes: 1 << 20 } });
    await run('docker pull ubuntu:20.04');
    const dir = (await run("docker image inspect -f '{{.GraphDriver.Data.UpperDir}}' ubuntu:20.04")).out.trim();
    await run(`tar -cf /tmp/layer.tar -C ${dir} .`);
    const size = (await run('wc -c < /tmp/layer.tar')).out;
    expect(Number(size)).toBeGreaterThan(50_000_000);
    expect(await run(`tar -cf - -C ${dir} . | wc -c`)).toEqual({ out: size, err: '', code: 0 });
    const sum = (await run('sha256sum < /tmp/layer.tar')).out;
    expect((await run(`tar -cf - -C ${dir} . | sha256sum`)).out).toBe(sum);
  }, 60_000);
});
