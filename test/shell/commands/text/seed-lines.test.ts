// The seed articles' lines, run through the whole simulated host (parser, expansions, pipes, the
// fs commands and these text commands). Expected text is GNU's; inode numbers come from the
// simulated filesystem itself.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../../shell-harness.js';

const DIFF_IDS =
  'sha256:9f54eef412758095c8079ac465d494a2872e02e90bf1fb5f12a1641c0d1bb78b sha256:b3cce2ce0405ffbb4971b872588c5b7fc840514b807f18047bf7d486af79884c';

describe('seed lines on the simulated host', () => {
  it('echo -n "<diffids>" | sha256sum (| awk) gives the ChainID digest', async () => {
    const { run } = await makeShell();
    expect(await run(`echo -n "${DIFF_IDS}" | sha256sum`)).toEqual({
      out: '6613b10b697b0a267c9573ee23e54c0373ccf72e7991cf4479bd0b66609a631c  -\n',
      err: '',
      code: 0,
    });
    expect((await run(`echo -n "${DIFF_IDS}" | sha256sum| awk '{print $1}'`)).out).toBe(
      '6613b10b697b0a267c9573ee23e54c0373ccf72e7991cf4479bd0b66609a631c\n',
    );
  });

  it('LowerDir | awk -F: (one layer per line) | sed s/"//g', async () => {
    const { run } = await makeShell();
    const r = await run(
      `echo '"/var/lib/docker/overlay2/a1/diff:/var/lib/docker/overlay2/b2/diff"' | awk -F: '{for (i=1; i<=NF; i++) print "Layer " i ": " $i}'| sed 's/"//g'`,
    );
    expect(r).toEqual({
      out: 'Layer 1: /var/lib/docker/overlay2/a1/diff\nLayer 2: /var/lib/docker/overlay2/b2/diff\n',
      err: '',
      code: 0,
    });
  });

  it('find $(… | tr ":" " ") -name nginx.conf | xargs ls -i', async () => {
    const { host, run } = await makeShell();
    await run(
      'mkdir -p /l1/etc/nginx /l2/etc/nginx && touch /l1/etc/nginx/nginx.conf /l2/etc/nginx/nginx.conf /l2/etc/nginx/mime.types',
    );
    const r = await run(`find $(echo "/l1:/l2" | tr ':' ' ') -type f -name "nginx.conf" | xargs ls -i`);
    const ino = (p: string): number => host.rootProc.stat(p).ino;
    expect(r).toEqual({
      out: `${ino('/l1/etc/nginx/nginx.conf')} /l1/etc/nginx/nginx.conf\n${ino('/l2/etc/nginx/nginx.conf')} /l2/etc/nginx/nginx.conf\n`,
      err: '',
      code: 0,
    });
  });

  it('cat link | xargs echo; tail -10 file; ls -i | grep nginx', async () => {
    const { host, run } = await makeShell();
    await run('echo "l/ABCDEFG" > /tmp/link; for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "line $i"; done > /tmp/conf');
    expect((await run('cat /tmp/link | xargs echo')).out).toBe('l/ABCDEFG\n');
    expect((await run('tail -10 /tmp/conf')).out).toBe(
      Array.from({ length: 10 }, (_, k) => `line ${k + 3}\n`).join(''),
    );
    await run('mkdir -p /etc/nginx && cd /etc/nginx && touch nginx.conf mime.types');
    const r = await run('cd /etc/nginx && ls -i | grep nginx');
    expect(r).toEqual({ out: `${host.rootProc.stat('/etc/nginx/nginx.conf').ino} nginx.conf\n`, err: '', code: 0 });
  });

  it('sed -i gives the file a new inode', async () => {
    const { run } = await makeShell();
    await run('echo "worker_processes auto;" > /tmp/n.conf');
    const before = (await run('ls -i /tmp/n.conf')).out.split(' ')[0];
    await run("sed -i 's/auto/2/' /tmp/n.conf");
    const after = (await run('ls -i /tmp/n.conf')).out.split(' ')[0];
    expect(after).not.toBe(before);
    expect((await run('cat /tmp/n.conf')).out).toBe('worker_processes 2;\n');
  });

  it('the article lines verbatim on a pulled nginx image', async () => {
    const { host, run } = await makeShell();
    expect((await run('docker pull nginx')).code).toBe(0);
    const lower = (await run(`docker inspect nginx | jq -r '.[0].GraphDriver.Data.LowerDir'`)).out.trim().split(':');
    expect(lower.length).toBeGreaterThan(1);
    const layers = await run(
      `docker inspect nginx | jq '.[0].GraphDriver.Data.LowerDir' | awk -F: '{for (i=1; i<=NF; i++) print "Layer " i ": " $i}'| sed 's/"//g'`,
    );
    expect(layers).toEqual({ out: lower.map((d, k) => `Layer ${k + 1}: ${d}\n`).join(''), err: '', code: 0 });
    const found = await run(
      `find $(docker inspect nginx | jq -r '.[0].GraphDriver.Data.LowerDir' | tr ':' ' ') -type f -name "nginx.conf" | xargs ls -i`,
    );
    const conf = lower.map((d) => `${d}/etc/nginx/nginx.conf`).filter((p) => host.rootProc.exists(p));
    expect(found).toEqual({ out: conf.map((p) => `${host.rootProc.stat(p).ino} ${p}\n`).join(''), err: '', code: 0 });
  }, 60_000);
});
