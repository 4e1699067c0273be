// The simulated tar against GNU tar on this machine: the same archive listed with -tvf must read
// the same; -x puts files, links and modes on the simulated disk.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pack } from 'tar-stream';
import { createSimHost } from '../../../../src/host/sim-host.js';
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
});
