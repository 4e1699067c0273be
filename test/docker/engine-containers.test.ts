// Containers on overlay2 (docs/ground-truth.md sections 6–8): the -init layer, the container
// layer mounted once at create, merged/ only while running, whiteouts and opaque dirs in the upper
// dir after deletions, docker diff, commit and rm.
import { describe, expect, it } from 'vitest';
import { S_IFCHR, OVL_OPAQUE } from '../../src/kernel/index.js';
import { makeEnv, modeOf, type Env } from './engine-harness.js';

const DR = '/var/lib/docker';
const io = {
  stdin: new Uint8Array(),
  stdout: () => {},
  stderr: () => {},
  stdinIsTerminal: false,
  stdoutIsTerminal: false,
};

async function created(image = 'busybox'): Promise<{ e: Env; id: string; mount: string; init: string }> {
  const e = makeEnv();
  await e.daemon.pull(image);
  const c = e.daemon.create({ image, name: 'web', cmd: ['sleep', '1000'] });
  return { e, id: c.id, mount: `${DR}/overlay2/${c.rw.mountId}`, init: `${DR}/overlay2/${c.rw.mountId}-init` };
}

describe('docker create', () => {
  it('makes the init layer on the image top and the container layer on it, both mounted once', async () => {
    const { e, id, mount, init } = await created();
    const img = e.daemon.getImage('busybox');
    const top = `${DR}/overlay2/${img.layer?.cacheId}`;
    expect(e.ls(top)).toEqual(['committed', 'diff', 'link']);
    expect(e.ls(init)).toEqual(['committed', 'diff', 'link', 'lower', 'work']);
    expect(e.ls(mount)).toEqual(['diff', 'link', 'lower', 'work']);
    for (const d of [init, mount]) {
      expect(e.ls(`${d}/work`)).toEqual(['work']);
      expect(modeOf(e.proc, `${d}/work/work`)).toBe('0000');
    }
    const topLink = e.read(`${top}/link`);
    const initLink = e.read(`${init}/link`);
    expect(e.read(`${init}/lower`)).toBe(`l/${topLink}`);
    expect(e.read(`${mount}/lower`)).toBe(`l/${initLink}:l/${topLink}`);
    expect(e.proc.readlink(`${DR}/overlay2/l/${initLink}`)).toBe(`../${mount.split('/').pop()}-init/diff`);
    const mounts = `${DR}/image/overlay2/layerdb/mounts/${id}`;
    expect(modeOf(e.proc, mounts)).toBe('0755');
    expect(e.read(`${mounts}/mount-id`)).toBe(mount.split('/').pop());
    expect(e.read(`${mounts}/init-id`)).toBe(`${mount.split('/').pop()}-init`);
    expect(e.read(`${mounts}/parent`)).toBe(img.layer?.chainId);
    expect(e.ls(`${DR}/containers/${id}`)).toEqual(['checkpoints', 'config.v2.json', 'hostconfig.json']);
    expect(modeOf(e.proc, `${DR}/containers/${id}`)).toBe('0710');
    expect(modeOf(e.proc, `${DR}/containers/${id}/config.v2.json`)).toBe('0600');
    expect(modeOf(e.proc, `${DR}/containers/${id}/hostconfig.json`)).toBe('0644');
    expect(JSON.parse(e.read(`${DR}/containers/${id}/config.v2.json`))).toMatchObject({
      ID: id,
      Name: '/web',
      Driver: 'overlay2',
      Path: 'sleep',
      Args: ['1000'],
    });
  });

  it('writes the init files through the overlay: empty 0755 files, dirs, mtab -> /proc/mounts, a copied-up etc', async () => {
    const { e, init } = await created();
    const diff = `${init}/diff`;
    expect(e.ls(diff)).toEqual(['.dockerenv', 'dev', 'etc', 'proc', 'sys']);
    expect(e.ls(`${diff}/dev`)).toEqual(['console', 'pts', 'shm']);
    expect(e.ls(`${diff}/etc`)).toEqual(['hostname', 'hosts', 'mtab', 'resolv.conf']);
    for (const f of ['.dockerenv', 'etc/hostname', 'etc/hosts', 'etc/resolv.conf', 'dev/console']) {
      expect(modeOf(e.proc, `${diff}/${f}`)).toBe('0755');
      expect(e.proc.lstat(`${diff}/${f}`).size).toBe(0);
    }
    expect(e.proc.readlink(`${diff}/etc/mtab`)).toBe('/proc/mounts');
    // etc/ was copied up from the image, so it carries the kernel's origin xattr
    expect(e.proc.listxattr(`${diff}/etc`, false)).toContain('trusted.overlay.origin');
  });
});

describe('start and stop', () => {
  it('mounts merged/ with absolute l/ lowerdirs while running and removes it at stop', async () => {
    const { e, id, mount, init } = await created();
    e.daemon.start('web');
    expect(e.ls(mount)).toEqual(['diff', 'link', 'lower', 'merged', 'work']);
    const m = e.kernel.mounts().find((x) => x.target === `${mount}/merged`);
    const links = e
      .read(`${mount}/lower`)
      .split(':')
      .map((l) => `${DR}/overlay2/${l}`);
    expect(m?.options).toContain(`lowerdir=${links.join(':')},upperdir=${mount}/diff,workdir=${mount}/work`);
    expect(e.ls(`${mount}/merged`)).toContain('.dockerenv');
    expect(e.read(`${DR}/containers/${id}/hostname`)).toBe(`${id.slice(0, 12)}\n`);
    expect(e.read(`${DR}/containers/${id}/hosts`)).toMatch(new RegExp(`172\\.17\\.0\\.2\\t${id.slice(0, 12)}\\n$`));
    expect(e.ls(`${DR}/containers/${id}`)).toEqual([
      `${id}-json.log`,
      'checkpoints',
      'config.v2.json',
      'hostconfig.json',
      'hostname',
      'hosts',
      'mounts',
      'resolv.conf',
      'resolv.conf.hash',
    ]);
    e.daemon.stop('web');
    expect(e.ls(mount)).toEqual(['diff', 'link', 'lower', 'work']);
    expect(e.kernel.mounts().some((x) => x.target.startsWith(mount))).toBe(false);
    expect(e.ls(`${mount}/work`)).toEqual(['work']);
    expect(e.ls(init)).not.toContain('merged');
  });
});

describe('changes in a running container', () => {
  it('deleting a lower file leaves a 0/0 whiteout in diff/ and docker diff shows C and D', async () => {
    const { e, mount } = await created();
    e.daemon.start('web');
    const p = e.kernel.proc({ root: `${mount}/merged` });
    p.unlink('/etc/passwd');
    p.writeFile('/tmp/newfile', 'Hello world\n');
    p.mkdir('/newdir');
    const wh = e.proc.lstat(`${mount}/diff/etc/passwd`);
    expect(wh.mode & 0o170000).toBe(S_IFCHR);
    expect(wh.rdev).toBe(0);
    expect(e.daemon.diff('web').map((c) => `${c.kind} ${c.path}`)).toEqual([
      'C /etc',
      'D /etc/passwd',
      'A /newdir',
      'C /tmp',
      'A /tmp/newfile',
    ]);
  });

  it('a directory removed and made again is opaque, and diff lists what it hid as deleted', async () => {
    const { e, mount } = await created('alpine');
    e.daemon.start('web');
    const p = e.kernel.proc({ root: `${mount}/merged` });
    for (const f of p.readdir('/etc/apk')) p.unlink(`/etc/apk/${f.name}`);
    p.rmdir('/etc/apk');
    p.mkdir('/etc/apk');
    p.writeFile('/etc/apk/new', 'x\n');
    expect(new TextDecoder().decode(e.proc.getxattr(`${mount}/diff/etc/apk`, OVL_OPAQUE))).toBe('y');
    expect(e.daemon.diff('web').map((c) => `${c.kind} ${c.path}`)).toEqual([
      'C /etc',
      'C /etc/apk',
      'A /etc/apk/new',
      'D /etc/apk/arch',
      'D /etc/apk/repositories',
      'D /etc/apk/world',
    ]);
  });
});

describe('docker diff is the naive diff (the container against its -init layer), as 20.10 computes it', () => {
  it('leaves out copy-ups that changed no mode, owner, size or mtime; lists those that did', async () => {
    const { e, mount } = await created();
    e.daemon.start('web');
    const p = e.kernel.proc({ root: `${mount}/merged` });
    const passwd = p.lstat('/etc/passwd');
    p.link('/etc/passwd', '/etc/passwd.link'); // copies /etc/passwd up
    p.chmod('/etc/group', p.lstat('/etc/group').mode & 0o7777); // the mode it had
    p.utimes('/etc/shadow', passwd.atimeMs, p.lstat('/etc/shadow').mtimeMs, false); // its own mtime
    p.utimes('/bin', 1e12, 1e12, false); // a directory's time is not compared
    for (const f of ['etc/passwd', 'etc/group', 'etc/shadow', 'bin'])
      expect(e.proc.exists(`${mount}/diff/${f}`)).toBe(true);
    expect(e.daemon.diff('web').map((c) => `${c.kind} ${c.path}`)).toEqual(['C /etc', 'A /etc/passwd.link']);
    p.chmod('/etc/group', 0o600);
    p.utimes('/etc/shadow', 1e12, 1e12, false);
    p.chmod('/bin', 0o700);
    expect(e.daemon.diff('web').map((c) => `${c.kind} ${c.path}`)).toEqual([
      'C /bin',
      'C /etc',
      'C /etc/group',
      'A /etc/passwd.link',
      'C /etc/shadow',
    ]);
  });

  it('mounts a stopped container and its -init layer only while it compares them', async () => {
    const { e, mount, init } = await created();
    expect(e.daemon.diff('web')).toEqual([]);
    e.proc.writeFile(`${mount}/diff/added`, 'x\n');
    expect(e.daemon.diff('web')).toEqual([{ kind: 'A', path: '/added' }]);
    expect(e.ls(mount)).not.toContain('merged');
    expect(e.ls(init)).not.toContain('merged');
  });
});

describe('docker commit', () => {
  it('exports the upper dir as a layer on the image top: whiteouts re-created with link count 1', async () => {
    const { e, mount } = await created();
    e.daemon.start('web');
    const p = e.kernel.proc({ root: `${mount}/merged` });
    p.unlink('/etc/passwd');
    p.unlink('/etc/group');
    p.writeFile('/hello', 'Hello world\n');
    const base = e.daemon.getImage('busybox');
    const id = await e.daemon.commit('web', 'mine:v1');
    const img = e.daemon.getImage('mine:v1');
    expect(img.id).toBe(id);
    expect(img.layer?.parent).toBe(base.layer);
    expect(img.layer?.size).toBe(12);
    const db = `${DR}/image/overlay2/layerdb/sha256/${img.layer?.chainId.slice(7)}`;
    expect(e.read(`${db}/parent`)).toBe(base.layer?.chainId);
    const dir = `${DR}/overlay2/${img.layer?.cacheId}`;
    expect(e.ls(dir)).toEqual(['diff', 'link', 'lower', 'work']);
    expect(e.read(`${dir}/lower`)).toBe(`l/${e.read(`${DR}/overlay2/${base.layer?.cacheId}/link`)}`);
    const wh = e.proc.lstat(`${dir}/diff/etc/passwd`);
    expect([wh.type, wh.rdev, wh.nlink]).toEqual(['chr', 0, 1]);
    // the live container's whiteouts share one inode with work/work's
    expect(e.proc.lstat(`${mount}/diff/etc/passwd`).nlink).toBeGreaterThan(1);
    const meta = `${DR}/image/overlay2/imagedb/metadata/sha256/${id.slice(7)}`;
    expect(e.ls(meta)).toEqual(['lastUpdated', 'parent']);
    expect(e.read(`${meta}/parent`)).toBe(base.id);
    expect(e.read(`${meta}/lastUpdated`)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(img.config.history?.at(-1)?.created_by).toBe('sleep 1000');
    expect(img.config.container).toBe(e.daemon.getContainer('web').id);
  });
});

describe('docker rm and rmi', () => {
  it('rm removes both layer dirs, their l/ links, layerdb/mounts and containers/<id>', async () => {
    const { e, id, mount } = await created();
    const before = e.ls(`${DR}/overlay2/l`).length;
    e.daemon.rm('web');
    expect(e.proc.exists(mount)).toBe(false);
    expect(e.proc.exists(`${mount}-init`)).toBe(false);
    expect(e.ls(`${DR}/overlay2/l`)).toHaveLength(before - 2);
    expect(e.ls(`${DR}/image/overlay2/layerdb/mounts`)).toEqual([]);
    expect(e.ls(`${DR}/containers`)).toEqual([]);
    expect(e.daemon.findContainer(id)).toBeUndefined();
  });

  it('rmi keeps layers another image shares and leaves an empty store at the end', async () => {
    const e = makeEnv();
    await e.daemon.pull('debian:bookworm-slim');
    await e.daemon.pull('nginx');
    const out = e.daemon.rmi('nginx');
    expect(out[0]).toEqual({ Untagged: 'nginx:latest' });
    expect(out.filter((l) => l.Deleted)).toHaveLength(7); // the image and its 6 own layers
    expect(e.ls(`${DR}/image/overlay2/layerdb/sha256`)).toHaveLength(1);
    e.daemon.rmi('debian:bookworm-slim');
    expect(e.ls(`${DR}/overlay2`)).toEqual(['l']);
    expect(e.ls(`${DR}/overlay2/l`)).toEqual([]);
    expect(e.ls(`${DR}/image/overlay2/layerdb/sha256`)).toEqual([]);
    expect(e.ls(`${DR}/image/overlay2/imagedb/content/sha256`)).toEqual([]);
    expect(e.read(`${DR}/image/overlay2/repositories.json`)).toBe('{"Repositories":{}}');
  });

  it('refuses to untag an image a container uses', async () => {
    const { e, id } = await created();
    expect(() => e.daemon.rmi('busybox')).toThrow(
      `conflict: unable to remove repository reference "busybox" (must force) - container ${id.slice(0, 12)} is using its referenced image ${e.daemon.getImage('busybox').id.slice(7, 19)}`,
    );
  });
});

describe('the main process', () => {
  it('runs through the handed-in runner in the merged root and unmounts when it exits', async () => {
    const e = makeEnv();
    await e.daemon.pull('busybox');
    const { container, exit } = await e.daemon.run({ image: 'busybox', cmd: ['sh', '-c', 'echo hi > /hi.txt'] }, io);
    expect(exit).toBe(0);
    expect(e.lines).toEqual(['echo hi > /hi.txt']);
    expect(container.state.status).toBe('exited');
    expect(e.read(`${DR}/overlay2/${container.rw.mountId}/diff/hi.txt`)).toBe('hi\n');
    expect(e.kernel.mounts()).toHaveLength(1);
  });

  it('keeps long-running programs Up without running them', async () => {
    const e = makeEnv();
    await e.daemon.pull('nginx');
    const { container, exit } = await e.daemon.run({ image: 'nginx', detach: true }, io);
    expect(exit).toBe('running');
    expect(container.state.status).toBe('running');
    expect(e.lines).toEqual([]);
    e.daemon.stop(container.id);
    expect(container.state.exitCode).toBe(0);
  });
});

describe('determinism', () => {
  const snapshot = async (seed: number): Promise<string[]> => {
    const e = makeEnv(seed);
    await e.daemon.pull('busybox');
    e.daemon.create({ image: 'busybox', cmd: ['sleep', '1'] });
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const n of e.ls(dir)) {
        const st = e.proc.lstat(`${dir}/${n}`);
        out.push(
          `${dir}/${n} ${st.mode.toString(8)} ${st.type === 'symlink' ? e.proc.readlink(`${dir}/${n}`) : st.size}`,
        );
        if (st.type === 'dir' && !dir.endsWith('/diff')) walk(`${dir}/${n}`);
      }
    };
    walk(DR);
    return out;
  };

  it('the same seed gives the same ids and layout; another seed other ids, same ChainIDs', async () => {
    const a = await snapshot(7);
    expect(await snapshot(7)).toEqual(a);
    const b = await snapshot(8);
    expect(b).not.toEqual(a);
    const chains = (s: string[]) => s.filter((l) => l.includes('layerdb/sha256/')).map((l) => l.split(' ')[0]);
    expect(chains(b)).toEqual(chains(a));
  });
});

describe('volumes and bind mounts', () => {
  it('a bind-mounted host file is seen and written through; only the empty mountpoint lands in diff/', async () => {
    const e = makeEnv();
    await e.daemon.pull('busybox');
    e.proc.mkdir('/tmp');
    e.proc.writeFile('/tmp/test.txt', 'from the host\n');
    const { container: c } = await e.daemon.run(
      { image: 'busybox', name: 'web', detach: true, cmd: ['sleep', '1000'], volumes: ['/tmp/test.txt:/tmp/test.txt'] },
      io,
    );
    const merged = e.daemon.mergedDir(c);
    const inside = e.kernel.proc({ root: merged });
    expect(new TextDecoder().decode(inside.readFile('/tmp/test.txt'))).toBe('from the host\n');
    inside.writeFile('/tmp/test.txt', 'from the container\n');
    expect(e.read('/tmp/test.txt')).toBe('from the container\n');
    const upper = `${DR}/overlay2/${c.rw.mountId}/diff`;
    expect(e.proc.lstat(`${upper}/tmp/test.txt`).size).toBe(0);
    e.daemon.stop('web');
    expect(e.kernel.mounts()).toHaveLength(1);
  });

  it('a new named volume is filled from the image and lives under volumes/<name>/_data', async () => {
    const e = makeEnv();
    await e.daemon.pull('nginx');
    const { container: c } = await e.daemon.run(
      { image: 'nginx', name: 'web', detach: true, volumes: ['html:/usr/share/nginx/html'] },
      io,
    );
    expect(e.ls(`${DR}/volumes/html/_data`)).toEqual(['50x.html', 'index.html']);
    const inside = e.kernel.proc({ root: e.daemon.mergedDir(c) });
    inside.writeFile('/usr/share/nginx/html/new.html', '<p>new</p>\n');
    expect(e.read(`${DR}/volumes/html/_data/new.html`)).toBe('<p>new</p>\n');
    expect(e.daemon.diff('web').map((x) => x.path)).not.toContain('/usr/share/nginx/html/new.html');
  });

  it('is filled when the container is created (populateVolumes), with owners and modes, once only', async () => {
    const e = makeEnv();
    await e.daemon.pull('nginx');
    e.daemon.create({ image: 'nginx', name: 'c1', volumes: ['html:/usr/share/nginx/html'] });
    // Not started: the copy is already there, and the volume dir took the path's mode.
    expect(e.ls(`${DR}/volumes/html/_data`)).toEqual(['50x.html', 'index.html']);
    const host = e.kernel.proc({ root: '/' });
    const copied = host.stat(`${DR}/volumes/html/_data/index.html`);
    expect(copied.mode & 0o777).toBe(0o644);
    host.writeFile(`${DR}/volumes/html/_data/index.html`, 'mine\n', { truncate: true });
    // A volume that holds something is not filled again, whatever the next image has there.
    e.daemon.create({ image: 'nginx', name: 'c2', volumes: ['html:/etc/nginx'] });
    expect(e.ls(`${DR}/volumes/html/_data`)).toEqual(['50x.html', 'index.html']);
    expect(e.read(`${DR}/volumes/html/_data/index.html`)).toBe('mine\n');
    // A path the image lacks copies nothing; the container never ran, so nothing is mounted.
    e.daemon.create({ image: 'nginx', name: 'c3', volumes: ['fresh:/nothere'] });
    expect(e.ls(`${DR}/volumes/fresh/_data`)).toEqual([]);
    expect(e.kernel.mounts().filter((m) => m.fstype === 'overlay')).toHaveLength(0);
  });
});

describe('the per-container files', () => {
  it('/etc/hostname, hosts and resolv.conf inside are containers/<id>/ files bind-mounted over the init layer', async () => {
    const { e, id, init } = await created();
    e.daemon.start('web');
    const inside = e.kernel.proc({ root: e.daemon.mergedDir(e.daemon.getContainer('web')) });
    expect(new TextDecoder().decode(inside.readFile('/etc/hostname'))).toBe(`${id.slice(0, 12)}\n`);
    expect(new TextDecoder().decode(inside.readFile('/etc/hosts'))).toContain(`172.17.0.2\t${id.slice(0, 12)}\n`);
    expect(e.proc.lstat(`${init}/diff/etc/hostname`).size).toBe(0);
    expect(e.daemon.diff('web')).toEqual([]);
    e.daemon.stop('web');
    expect(e.kernel.mounts()).toHaveLength(1);
  });
});
