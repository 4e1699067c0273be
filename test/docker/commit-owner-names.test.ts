// docker commit and docker build on Docker 20.10 write each entry's owner name into the layer's tar
// headers as Go's tar.FileInfoHeader finds it on the daemon's host (its /etc/passwd and /etc/group):
// checked on a real dockerd 20.10.24, whose committed nginx layer lists uid 101 by the name the
// machine's passwd gives it. An id the host does not name gets no name: tar -tv shows the number.
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { simRun } from '../../src/real/tutorial-images.js';

describe("a committed layer's owner names", () => {
  it("are the daemon host's names for the ids, or none", async () => {
    const host = createSimHost({ seed: 1, interactive: false });
    const run = async (line: string) => (await simRun(host, line)).out;
    await run('docker pull -q busybox');
    await run('docker run --name bx busybox sh -c "touch /w /n /r && chown 33:33 /w && chown 4242:4242 /n"');
    await run(
      'docker commit bx owned && docker save -o /root/o.tar owned && mkdir /root/o && tar -xf /root/o.tar -C /root/o',
    );
    const listing = await run("tar -tvf /root/o/$(jq -r '.[0].Layers[-1]' /root/o/manifest.json)");
    // www-data is uid and gid 33 in the simulated Ubuntu's passwd and group; 4242 is nobody's.
    expect(listing).toMatch(/^-rw-r--r-- www-data\/www-data +0 .* w$/m);
    expect(listing).toMatch(/^-rw-r--r-- 4242\/4242 +0 .* n$/m);
    expect(listing).toMatch(/^-rw-r--r-- root\/root +0 .* r$/m);
  });
});
