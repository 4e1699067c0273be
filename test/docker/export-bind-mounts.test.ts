// docker export walks the container's merged dir in the daemon's mount namespace, where the
// container's bind mounts are not: /etc/hostname, /etc/hosts and /etc/resolv.conf come out as the
// -init layer's empty 0755 files, and a volume as its empty mountpoint (checked against a real
// dockerd 20.10 by script-conformance/scripts/78-tar-diff-bytes.sh). Inside the container the same
// paths show the bind-mounted contents.
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import type { CommandIO } from '../../src/shell/command.js';

async function sh(host: ReturnType<typeof createSimHost>, line: string): Promise<string> {
  let out = '';
  const io: CommandIO = {
    stdin: new Uint8Array(0),
    stdout: (d) => void (out += typeof d === 'string' ? d : new TextDecoder().decode(d)),
    stderr: (d) => void (out += String(d)),
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
  };
  await host.session.run(line, io);
  return out;
}

describe('docker export and the container bind mounts', () => {
  it('exports what the overlay has under the bind mounts, not what the container sees there', async () => {
    const host = createSimHost({ seed: 3, interactive: false });
    await sh(host, 'docker pull -q busybox && docker run -d --name box -v /data busybox sleep 1000');
    await sh(host, "docker exec box sh -c 'echo kept > /data/f; echo mine > /mine'");
    // In the container the bind mounts have contents.
    expect(await sh(host, 'docker exec box wc -c /etc/hostname /data/f')).toMatch(
      /^ +13 \/etc\/hostname\n +5 \/data\/f\n/,
    );
    const listing = await sh(host, "docker export box | tar -tv | awk '{print $1, $3, $6}'");
    for (const f of ['etc/hostname', 'etc/hosts', 'etc/resolv.conf']) expect(listing).toContain(`-rwxr-xr-x 0 ${f}\n`);
    expect(listing).toContain('drwxr-xr-x 0 data/\n');
    expect(listing).not.toContain('data/f');
    expect(listing).toContain('-rw-r--r-- 5 mine\n');
  }, 60_000);
});
