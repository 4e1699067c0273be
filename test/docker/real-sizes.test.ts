// The tutorial images at their real sizes (issue 15): docker images, history, system df, du, df
// and the pull's byte counts show the real images' figures, while the stand-in files' bytes are
// made on read (kernel/synthetic.ts) rather than held.
import { describe, expect, it } from 'vitest';
import { createSimHost, type SimHost } from '../../src/host/sim-host.js';
import { simRun } from '../../src/real/tutorial-images.js';

const sh = async (host: SimHost, line: string) => (await simRun(host, line)).out;

describe('the tutorial images at their real sizes', () => {
  it('docker images and docker history show the real figures', async () => {
    const host = createSimHost({ seed: 1, interactive: false });
    for (const ref of [
      'nginx',
      'ubuntu:20.04',
      'ubuntu:22.04',
      'debian:bookworm-slim',
      'alpine',
      'busybox',
      'hello-world',
    ])
      await sh(host, `docker pull -q ${ref}`);
    expect(await sh(host, "docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | sort")).toBe(
      [
        'alpine:latest 7.34MB',
        'busybox:latest 4.26MB',
        'debian:bookworm-slim 74.8MB',
        'hello-world:latest 13.3kB',
        'nginx:latest 187MB',
        'ubuntu:20.04 72.8MB',
        'ubuntu:22.04 77.8MB',
        '',
      ].join('\n'),
    );
    expect(await sh(host, "docker history --format '{{.Size}}' nginx | grep -v '^0B'")).toBe(
      '4.62kB\n3.02kB\n298B\n2.12kB\n1.62kB\n112MB\n74.8MB\n',
    );
  }, 120_000);

  it('layerdb, du and the upper dirs agree; stand-ins keep their size through a copy-up', async () => {
    const host = createSimHost({ seed: 2, interactive: false });
    await sh(host, 'docker pull -q nginx');
    const sizes = await sh(
      host,
      'for f in /var/lib/docker/image/overlay2/layerdb/sha256/*/size; do cat $f; echo; done | sort -n | tr "\\n" " "',
    );
    expect(sizes).toBe('298 1620 2125 3018 4619 74763108 112276344 ');
    // du counts blocks: a little more than the bytes, as on ext4.
    const kb = Number((await sh(host, 'du -sk /var/lib/docker/overlay2')).split('\t')[0]);
    expect(kb).toBeGreaterThanOrEqual(183_000);
    expect(kb).toBeLessThan(200_000);
    await sh(host, 'docker run -d --name web nginx');
    const libc = '/usr/lib/x86_64-linux-gnu/libc-2.31.so';
    expect(await sh(host, `docker exec web stat -c %s ${libc}`)).toBe('2029592\n');
    const before = await sh(host, `docker exec web sha256sum ${libc}`);
    await sh(host, `docker exec web touch ${libc}`); // a copy-up
    expect(await sh(host, `docker exec web sha256sum ${libc}`)).toBe(before);
    const upper = (await sh(host, "docker inspect -f '{{.GraphDriver.Data.UpperDir}}' web")).trim();
    expect(await sh(host, `stat -c %s ${upper}${libc}`)).toBe('2029592\n');
    // Appending to a stand-in keeps it described (a size and the bytes added): the write lands at the end.
    await sh(host, `docker exec web sh -c 'echo x >> ${libc}'`);
    expect(await sh(host, `docker exec web stat -c %s ${libc}`)).toBe('2029594\n');
    expect(await sh(host, `docker exec web tail -c 2 ${libc}`)).toBe('x\n');
  }, 120_000);
});
