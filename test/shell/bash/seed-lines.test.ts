// Lines copied from the seed articles (shared/seeds/*.txt) that touch files, run on a host whose
// /var/lib/docker is laid out by hand through the onKernel hook, with a stand-in `docker inspect`
// given through extraCommands: the two hooks the docker engine plugs into.
import { describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../../src/shell/command.js';
import { makeShell } from '../shell-harness.js';

const OVL = '/var/lib/docker/overlay2';
const LOWER = `${OVL}/aaaa/diff`;
const UPPER = `${OVL}/bbbb/diff`;
const MERGED = `${OVL}/bbbb/merged`;

const fakeInspect: CommandSpec = {
  name: 'docker',
  summary: 'stand-in for the docker CLI in these tests',
  run(ctx) {
    if (ctx.argv[1] !== 'inspect') return 1;
    const data = {
      LowerDir: `${LOWER}:${OVL}/cccc/diff`,
      UpperDir: UPPER,
      MergedDir: MERGED,
      WorkDir: `${OVL}/bbbb/work`,
    };
    ctx.stdout(`${JSON.stringify([{ Name: '/nginx', GraphDriver: { Data: data, Name: 'overlay2' } }], null, 4)}\n`);
    return 0;
  },
};

async function dockerHost() {
  const shell = await makeShell({
    docker: false,
    extraCommands: [fakeInspect],
    onKernel: (_kernel, p) => {
      for (const d of [`${LOWER}/etc/nginx`, `${OVL}/cccc/diff/bin`, UPPER, MERGED, `${OVL}/bbbb/work`, `${OVL}/l`]) {
        let cur = '';
        for (const part of d.split('/').filter(Boolean)) {
          cur += `/${part}`;
          if (!p.exists(cur)) p.mkdir(cur);
        }
      }
      p.writeFile(`${LOWER}/etc/nginx/nginx.conf`, 'user nginx;\nworker_processes auto;\n');
      // The programs the container shell runs: a container runs what its image holds.
      for (const b of ['ls', 'grep', 'tail']) {
        p.writeFile(`${OVL}/cccc/diff/bin/${b}`, '');
        p.chmod(`${OVL}/cccc/diff/bin/${b}`, 0o755);
      }
      p.writeFile(`${OVL}/bbbb/link`, 'ZRWVQ7S6SK7MMXPFQ4SJ4ZDJUQ');
      p.writeFile(`${OVL}/bbbb/lower`, 'l/ZD4SFEKKWD3OPZVJPO2DNJK5Y4:l/QPAB4YVC2R5JDNVD7VGSY3RCBA');
      p.symlink('../bbbb/diff', `${OVL}/l/ZRWVQ7S6SK7MMXPFQ4SJ4ZDJUQ`);
      p.writeFile('/etc/docker/daemon.json', '{\n  "storage-driver": "overlay2"\n}\n');
    },
  });
  await shell.run(
    `mount -t overlay overlay -o lowerdir=${LOWER}:${OVL}/cccc/diff,upperdir=${UPPER},workdir=${OVL}/bbbb/work ${MERGED}`,
  );
  return shell;
}

describe('seed 001/002: reading the overlay2 directory', () => {
  it('cat link | xargs echo and cat lower | xargs echo', async () => {
    const { run } = await dockerHost();
    await run(`cd ${OVL}/bbbb`);
    expect((await run('cat link | xargs echo')).out).toBe('ZRWVQ7S6SK7MMXPFQ4SJ4ZDJUQ\n');
    expect((await run('cat lower | xargs echo')).out).toBe(
      'l/ZD4SFEKKWD3OPZVJPO2DNJK5Y4:l/QPAB4YVC2R5JDNVD7VGSY3RCBA\n',
    );
  });

  it('ls -l /var/lib/docker/overlay2/l/ shows the short links', async () => {
    const { run } = await dockerHost();
    expect((await run('ls -l /var/lib/docker/overlay2/l/')).out).toBe(
      'total 0\nlrwxrwxrwx 1 root root 12 Nov 23 23:16 ZRWVQ7S6SK7MMXPFQ4SJ4ZDJUQ -> ../bbbb/diff\n',
    );
  });

  it('cat /etc/docker/daemon.json, uname -sr, cp -au /var/lib/docker /var/lib/docker.bk', async () => {
    const { run } = await dockerHost();
    expect((await run('cat /etc/docker/daemon.json ')).out).toBe('{\n  "storage-driver": "overlay2"\n}\n');
    expect((await run('uname -sr')).out).toBe('Linux 5.15.0-91-generic\n');
    expect(
      await run(
        'umount /var/lib/docker/overlay2/bbbb/merged && cp -au /var/lib/docker /var/lib/docker.bk && ls /var/lib/docker.bk/overlay2',
      ),
    ).toEqual({ out: 'aaaa\nbbbb\ncccc\nl\n', err: '', code: 0 });
    expect((await run('ls -ld /var/lib/docker.bk')).out).toBe(
      'drwx--x--- 3 root root 4096 Nov 23 23:16 /var/lib/docker.bk\n',
    );
  });
});

describe('seed 003: copy-up keeps the merged inode, the upper file is new', () => {
  it('finds nginx.conf in the lower dirs, then in the upper dir after a write', async () => {
    const { host, run } = await dockerHost();
    const lowerIno = (await run(`stat -c %i ${LOWER}/etc/nginx/nginx.conf`)).out.trim();
    const found = await run(
      `find $(docker inspect nginx | jq -r '.[0].GraphDriver.Data.LowerDir' | tr ':' ' ') -type f -name "nginx.conf" | xargs ls -i`,
    );
    expect(found).toEqual({ out: `${lowerIno} ${LOWER}/etc/nginx/nginx.conf\n`, err: '', code: 0 });
    await run(`UPPER_DIR=$(docker inspect nginx | jq -r '.[0].GraphDriver.Data.UpperDir')`);
    expect((await run('find "$UPPER_DIR" -type f -name "nginx.conf"')).out).toBe('');

    host.session.enterShell({ root: MERGED, hostname: '592347294aa1', cwd: '/etc/nginx' });
    expect(host.session.prompt()).toBe('root@592347294aa1:/etc/nginx# ');
    const before = (await run('ls -i | grep nginx')).out;
    await run('echo 123 >> nginx.conf');
    expect((await run('ls -i | grep nginx')).out).toBe(before);
    expect((await run('tail -1 nginx.conf')).out).toBe('123\n');
    await run('exit');

    const upper = await run('find "$UPPER_DIR" -type f -name "nginx.conf" | xargs ls -i');
    expect(upper.out).toMatch(new RegExp(`^\\d+ ${UPPER}/etc/nginx/nginx.conf\\n$`));
    expect(upper.out.split(' ')[0]).not.toBe(lowerIno);
  });

  it('prints the layers with jq, awk and sed as the article does', async () => {
    const { run } = await dockerHost();
    const r = await run(
      `docker inspect nginx | jq '.[0].GraphDriver.Data.LowerDir' | awk -F: '{for (i=1; i<=NF; i++) print "Layer " i ": " $i}'| sed 's/"//g'`,
    );
    expect(r).toEqual({ out: `Layer 1: ${LOWER}\nLayer 2: ${OVL}/cccc/diff\n`, err: '', code: 0 });
  });
});

describe('seed 000: digests in the shell', () => {
  it('echo -n "…" | sha256sum | awk gives the ChainID', async () => {
    const { run } = await makeShell();
    const r = await run(
      'echo -n "sha256:9f54eef412758095c8079ac465d494a2872e02e90bf1fb5f12a1641c0d1bb78b sha256:b3cce2ce0405ffbb4971b872588c5b7fc840514b807f18047bf7d486af79884c" | sha256sum| awk \'{print $1}\'',
    );
    expect(r.out).toBe('6613b10b697b0a267c9573ee23e54c0373ccf72e7991cf4479bd0b66609a631c\n');
  });
  it('cd into a directory that does not exist yet says so as bash does', async () => {
    const { run } = await makeShell();
    expect((await run('cd /var/lib/docker/image/overlay2/layerdb/sha2566613b1')).err).toBe(
      'bash: cd: /var/lib/docker/image/overlay2/layerdb/sha2566613b1: No such file or directory\n',
    );
  });
});
