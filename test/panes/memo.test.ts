// The panes kept while the host stays as it was (src/panes/memo.ts): after every kind of change a
// lesson makes, the kept model must be the one a fresh walk of the host gives, and show the change;
// after a command that changes nothing it is the same object (what spares the panes a render).
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

/** The screen's model after a command (kept or made), checked against a fresh walk of the host. */
function panes(): PaneModel {
  const kept = derivePanes(host.docker, host.rootProc, tracker.focus, tracker.recentPaths);
  const fresh = derivePanesOf(simHostView(host.docker, host.rootProc), tracker.focus, tracker.recentPaths);
  expect(kept).toEqual(fresh);
  return kept;
}

const mark = (m: PaneModel, path: string) => m.upper.find((r) => r.path === path)?.mark;

beforeEach(async () => {
  host = createSimHost({ seed: 5, interactive: false });
  tracker = new PaneTracker(host);
  await sh('docker pull nginx');
  await sh('docker run -d --name web nginx');
  panes();
});

describe('kept panes', () => {
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
