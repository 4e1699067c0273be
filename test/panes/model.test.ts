// The pane model against the disk it describes: real command sequences on a simulated host,
// then the upper tree compared with what `find` lists in the container's upper dir, and each
// mark checked against what the kernel did (copy-up, whiteout, opaque, new file).
import { beforeEach, describe, expect, it } from 'vitest';
import { createSimHost, type SimHost } from '../../src/host/sim-host.js';
import { simHostView } from '../../src/host/sim-host-view.js';
import { derivePanes } from '../../src/panes/memo.js';
import { derivePanesOf, type PaneModel } from '../../src/panes/model.js';
import { PaneTracker } from '../../src/panes/tracker.js';
import type { CommandIO } from '../../src/shell/command.js';

let host: SimHost;
let tracker: PaneTracker;

async function sh(line: string): Promise<string> {
  let out = '';
  const text = (d: string | Uint8Array): string => (typeof d === 'string' ? d : new TextDecoder().decode(d));
  const io: CommandIO = {
    stdin: new Uint8Array(0),
    stdout: (d) => void (out += text(d)),
    stderr: (d) => void (out += text(d)),
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
  };
  tracker.beginCommand();
  await host.session.run(line, io);
  tracker.endCommand();
  return out;
}
const model = () => derivePanes(host.docker, host.rootProc, tracker.focus, tracker.recentPaths);

beforeEach(async () => {
  host = createSimHost({ seed: 5, interactive: false });
  tracker = new PaneTracker(host);
  await sh('docker pull nginx');
});

describe('pane model', () => {
  it('focuses a pulled image: its layers top first and a ChainID walk verified against layerdb', async () => {
    const m = model();
    expect(m.focus).toEqual({ kind: 'image', ref: 'nginx:latest' });
    const layers = Number((await sh("docker image inspect -f '{{len .RootFS.Layers}}' nginx")).trim());
    expect(m.layers).toHaveLength(layers);
    expect(m.layers[m.layers.length - 1]?.index).toBe(1);
    expect(m.chain.every((c) => c.verified && c.cacheId === m.layers[m.layers.length - c.index]?.cacheId)).toBe(true);
    expect(m.chain[1]?.hashed).toBe(`${m.chain[0]?.chainId} ${m.chain[1]?.diffId}`);
    expect(m.chain[0]?.hashed).toBeNull();
    expect(m.layers[0]?.link).toMatch(/^[A-Z2-7]{26}$/);
  });

  it('shows the container layer as find lists it, with + ~ x o marks that match the kernel', async () => {
    await sh('docker run -d --name web nginx');
    await sh(
      "docker exec web sh -c 'echo hi > /tmp/new; echo more >> /etc/nginx/nginx.conf; rm /etc/nginx/conf.d/default.conf; rm -rf /usr/share/nginx/html; mkdir /usr/share/nginx/html'",
    );
    const m = model();
    const log = [...tracker.log];
    expect(m.focus).toEqual({ kind: 'container', name: 'web', state: 'running' });
    const upper = m.upperDir as string;
    const found = (await sh(`cd ${upper} && find . -mindepth 1 | sed 's|^./||' | sort`)).trim().split('\n');
    expect(m.upper.map((r) => r.path).sort()).toEqual(found);
    const mark = (p: string) => m.upper.find((r) => r.path === p)?.mark;
    expect(mark('tmp/new')).toBe('+');
    expect(mark('etc/nginx/nginx.conf')).toBe('~');
    expect(mark('etc/nginx/conf.d/default.conf')).toBe('x');
    expect(mark('usr/share/nginx/html')).toBe('o');
    expect(mark('etc')).toBe(' ');
    // The last command's effects are flagged, and the copy-up is told as passing through work/.
    expect(m.upper.find((r) => r.path === 'etc/nginx/nginx.conf')?.recent).toBe(true);
    expect(log.some((l) => l.startsWith('~ copy-up /etc/nginx/nginx.conf: overlay2/') && l.includes('work/'))).toBe(
      true,
    );
    expect(log.some((l) => l.startsWith('x whiteout /etc/nginx/conf.d/default.conf'))).toBe(true);
    // merged/ shows the new file and not the deleted one.
    expect(m.merged.some((r) => r.path === 'tmp/new' && r.mark === '+')).toBe(true);
    expect(m.merged.some((r) => r.path === 'etc/nginx/conf.d/default.conf')).toBe(false);
    expect(m.work.some((r) => r.path === 'work')).toBe(true);
  });

  it('records per-layer pull status', async () => {
    await sh('docker pull debian:bookworm-slim');
    expect(tracker.pulls.length).toBeGreaterThan(0);
    expect(tracker.pulls.every((l) => l.status === 'Pull complete' || l.status === 'Already exists')).toBe(true);
  });
});

describe('an overlay mounted by hand', () => {
  const LAB =
    'mkdir -p /tmp/lab/{lower1,lower2,upper,work,merged} && cd /tmp/lab && echo one > lower1/same.txt && ' +
    'echo two > lower2/same.txt && echo hello > lower2/hello.txt && mkdir lower2/dir && echo old > lower2/dir/old.txt';
  const MOUNT = 'mount -t overlay overlay -o lowerdir=lower1:lower2,upperdir=upper,workdir=work /tmp/lab/merged';

  it('comes into focus over the image pulled before: its upper, work and whole merged tree, its lowerdirs', async () => {
    await sh(LAB);
    await sh(MOUNT);
    await sh('echo world >> merged/hello.txt; rm merged/same.txt; rm -r merged/dir; mkdir merged/dir');
    const m = model();
    expect(m.focus).toEqual({ kind: 'mount', target: '/tmp/lab/merged', mounted: true, readOnly: false });
    expect(m.lowerDirs).toEqual(['/tmp/lab/lower1', '/tmp/lab/lower2']);
    expect([m.upperDir, m.workDir, m.mergedDir]).toEqual(['/tmp/lab/upper', '/tmp/lab/work', '/tmp/lab/merged']);
    expect(m.upper.map((r) => `${r.mark} ${r.path}`)).toEqual(['o dir', '~ hello.txt', 'x same.txt']);
    // merged as find lists it: dir is opaque now, so lower2's old.txt is gone from it.
    expect(m.merged.map((r) => r.path)).toEqual(['dir', 'hello.txt']);
    expect(m.work[0]?.path).toBe('work');
    expect(
      tracker.log.some((l) =>
        l.startsWith('o opaque /tmp/lab/merged/dir: trusted.overlay.opaque=y on /tmp/lab/upper/dir'),
      ),
    ).toBe(true);
  });

  it('keeps its upper in view after umount, and shows a stack of lowerdirs alone as read-only', async () => {
    await sh(LAB);
    await sh(MOUNT);
    await sh('echo world >> merged/hello.txt');
    await sh('umount merged');
    let m = model();
    expect(m.focus).toEqual({ kind: 'mount', target: '/tmp/lab/merged', mounted: false, readOnly: false });
    expect(m.upper.map((r) => r.path)).toEqual(['hello.txt']);
    expect(m.merged).toEqual([]);
    expect(tracker.log).toEqual(['umount /tmp/lab/merged']);
    await sh('mount -t overlay overlay -o lowerdir=upper:lower1:lower2 merged');
    m = model();
    expect(m.focus).toEqual({ kind: 'mount', target: '/tmp/lab/merged', mounted: true, readOnly: true });
    expect(m.upper).toEqual([]);
    expect(m.merged.map((r) => r.path)).toEqual(['dir', 'dir/old.txt', 'hello.txt', 'same.txt']);
  });

  it('gives way to a container run after it, and is found again when the host is rebuilt (no hint)', async () => {
    await sh(LAB);
    await sh(MOUNT);
    await sh('docker run -d --name web nginx');
    expect(model().focus).toMatchObject({ kind: 'container', name: 'web' });
    // An undo rebuilds the host and forgets the focus: the hand-made mount still mounted is shown
    // when nothing else is asked for.
    const m = derivePanes(host.docker, host.rootProc, {}, new Set());
    expect(m.focus).toMatchObject({ kind: 'mount', target: '/tmp/lab/merged' });
  });
});

/** The screen's model after a command (kept or made), checked against a fresh walk of the host. */
function panes(): PaneModel {
  const kept = derivePanes(host.docker, host.rootProc, tracker.focus, tracker.recentPaths);
  const fresh = derivePanesOf(simHostView(host.docker, host.rootProc), tracker.focus, tracker.recentPaths);
  expect(kept).toEqual(fresh);
  return kept;
}

const mark = (m: PaneModel, path: string) => m.upper.find((r) => r.path === path)?.mark;

// The panes kept while the host stays as it was (src/panes/memo.ts): after every kind of change a
// lesson makes, the kept model must be the one a fresh walk of the host gives, and show the change;
// after a command that changes nothing it is the same object (what spares the panes a render).
describe('kept panes', () => {
  beforeEach(async () => {
    await sh('docker run -d --name web nginx');
    panes();
  });

  it('are the same object after a command that changes nothing, with nothing flagged recent', async () => {
    await sh('docker exec web sh -c "echo hi > /tmp/a"');
    const before = panes();
    expect(before.upper.find((r) => r.path === 'tmp/a')?.recent).toBe(true);
    await sh('ls /var/lib/docker');
    const first = panes();
    await sh('docker ps');
    const second = panes();
    expect(second).toBe(first);
    expect(second.upper.some((r) => r.recent)).toBe(false);
    expect(mark(second, 'tmp/a')).toBe('+');
  });

  it('show a file written in the container, a copy-up and a whiteout, each as it happens', async () => {
    await sh('docker exec web sh -c "echo hi > /tmp/new"');
    expect(mark(panes(), 'tmp/new')).toBe('+');
    await sh('docker exec web sh -c "echo more >> /etc/nginx/nginx.conf"');
    const copied = panes();
    expect(mark(copied, 'etc/nginx/nginx.conf')).toBe('~');
    expect(copied.upper.find((r) => r.path === 'etc/nginx/nginx.conf')?.recent).toBe(true);
    await sh('docker exec web rm /etc/nginx/conf.d/default.conf');
    const removed = panes();
    expect(mark(removed, 'etc/nginx/conf.d/default.conf')).toBe('x');
    expect(removed.merged.some((r) => r.path === 'etc/nginx/conf.d/default.conf')).toBe(false);
    await sh('docker exec web sh -c "rm -rf /usr/share/nginx/html && mkdir /usr/share/nginx/html"');
    expect(mark(panes(), 'usr/share/nginx/html')).toBe('o');
  });

  it('show a file the host writes into the upper dir by hand (no daemon event)', async () => {
    const upper = panes().upperDir as string;
    await sh(`touch ${upper}/by-hand`);
    expect(mark(panes(), 'by-hand')).toBe('+');
    await sh(`rm ${upper}/by-hand`);
    expect(mark(panes(), 'by-hand')).toBeUndefined();
  });

  it('follow docker rm, pull, commit and rename', async () => {
    await sh('docker exec web sh -c "echo hi > /tmp/new"');
    await sh('docker commit web web:v1');
    const committed = panes();
    expect(committed.layersOf).toBe('web:v1');
    expect(committed.layers).toHaveLength(panes().chain.length);
    await sh('docker rename web site');
    expect(panes().focus).toEqual({ kind: 'container', name: 'site', state: 'running' });
    await sh('docker stop site');
    const stopped = panes();
    expect(stopped.focus).toEqual({ kind: 'container', name: 'site', state: 'exited' });
    expect(stopped.merged).toEqual([]);
    await sh('docker rm site');
    const gone = panes();
    expect(gone.focus?.kind).toBe('image');
    expect(gone.upper).toEqual([]);
    await sh('docker pull debian:bookworm-slim');
    const pulled = panes();
    expect(pulled.focus).toEqual({ kind: 'image', ref: 'debian:bookworm-slim' });
    expect(pulled.layers.length).toBeGreaterThan(0);
  });

  it('follow an overlay mounted and unmounted by hand', async () => {
    await sh('mkdir -p /lab/lower /lab/upper /lab/work /lab/merged && echo a > /lab/lower/a');
    await sh('mount -t overlay overlay -o lowerdir=/lab/lower,upperdir=/lab/upper,workdir=/lab/work /lab/merged');
    const mounted = panes();
    expect(mounted.focus).toEqual({ kind: 'mount', target: '/lab/merged', mounted: true, readOnly: false });
    expect(mounted.merged.map((r) => r.path)).toEqual(['a']);
    await sh('echo b > /lab/merged/b');
    expect(mark(panes(), 'b')).toBe('+');
    await sh('umount /lab/merged');
    const unmounted = panes();
    expect(unmounted.focus).toEqual({ kind: 'mount', target: '/lab/merged', mounted: false, readOnly: false });
    expect(unmounted.merged).toEqual([]);
    expect(mark(unmounted, 'b')).toBe('+');
  });
});
