// A kernel lesson's lab on the real kernel (src/real/kernel-lab.ts, kernel-side.ts): a plain
// mount -t overlay in a mount namespace of its own, the lesson's /tmp the tutor's own dir, read
// through the Host interface; nothing mounted or left on the machine after close, or after the
// tutor died (the next start's cleanup). Needs root on Linux; no Docker.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanKernelLeftovers, kernelNamespaceScript, labCovers, processesOfLab } from '../../src/real/kernel-lab.js';
import { kernelSide } from '../../src/real/kernel-side.js';
import { overlayMountsIn } from '../../src/real/real-host.js';
import { derivePanesOf } from '../../src/panes/model.js';
import type { CommandIO } from '../../src/shell/command.js';
import { kernelLabUnavailable } from '../support/real-docker.js';

const unavailable = kernelLabUnavailable('kernel lessons on the real kernel');
/** A line's streams; what it prints goes to `take`. */
const io = (take: (s: string) => void = () => {}): CommandIO => ({
  stdin: new Uint8Array(),
  stdout: (s) => take(String(s)),
  stderr: (s) => take(String(s)),
  stdinIsTerminal: false,
  stdoutIsTerminal: false,
});
const QUIET = io();
const SOLUTION = [
  'mkdir -p /tmp/lab/lower/dir /tmp/lab/upper /tmp/lab/work /tmp/lab/merged',
  'echo old > /tmp/lab/lower/file',
  'echo keep > /tmp/lab/lower/dir/a',
  'mount -t overlay overlay -o lowerdir=/tmp/lab/lower,upperdir=/tmp/lab/upper,workdir=/tmp/lab/work /tmp/lab/merged',
];
/** Whether any mount of the machine's own namespace names `what`. */
const mountedHere = (what: string) => readFileSync('/proc/self/mountinfo', 'utf8').includes(what);

describe('the namespace script', () => {
  it('reads overlay mounts off a mountinfo, their layers from the super options', () => {
    const info = [
      '40 30 0:50 / /tmp/lab/merged rw,relatime - overlay overlay rw,lowerdir=/tmp/lab/l1:/tmp/lab/l2,upperdir=/tmp/lab/upper,workdir=/tmp/lab/work,uuid=on',
      '41 30 0:51 / /tmp/a\\040b rw - overlay overlay ro,lowerdir=/tmp/u:/tmp/l',
      '42 30 0:52 / /tmp rw - tmpfs tmpfs rw',
    ].join('\n');
    expect(overlayMountsIn(info)).toEqual([
      {
        target: '/tmp/lab/merged',
        lowerdir: ['/tmp/lab/l1', '/tmp/lab/l2'],
        upperdir: '/tmp/lab/upper',
        workdir: '/tmp/lab/work',
      },
      { target: '/tmp/a b', lowerdir: ['/tmp/u', '/tmp/l'] },
    ]);
  });

  it('binds the lab’s tools into the cover before it covers; the cover hiding the lab goes last', () => {
    const covers = labCovers('/tmp/x/lab-1', '/tmp/lab');
    expect(covers).toEqual([
      { at: '/tmp', src: '/tmp/x/lab-1/tmp' },
      { at: '/root', src: '/tmp/x/lab-1/home' },
    ]);
    const s = kernelNamespaceScript(covers, { src: '/tmp/x/lab-1/ot', at: '/tmp/x/lab-1/tmp/x/lab-1/ot' }).split('\n');
    expect(s.slice(3, 6)).toEqual([
      'mount --bind /tmp/x/lab-1/ot /tmp/x/lab-1/tmp/x/lab-1/ot',
      'mount --rbind /tmp/x/lab-1/home /root',
      'mount --rbind /tmp/x/lab-1/tmp /tmp',
    ]);
    expect(s.at(-1)).toBe('exec cat >/dev/null');
  });

  it('covers a workdir’s parent outside /tmp and /root too', () => {
    expect(labCovers('/l', '/srv/lab').map((c) => c.at)).toEqual(['/tmp', '/root', '/srv']);
    expect(labCovers('/l', '/root/a/lab').map((c) => c.at)).toEqual(['/tmp', '/root']);
  });
});

describe.runIf(!unavailable)('a kernel lesson’s lab', () => {
  const base = mkdtempSync(join(tmpdir(), 'ot-kernel-lab-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const hadLab = existsSync('/tmp/lab');

  it('runs the lines in its namespace, the Host reads them there, and close leaves nothing', async () => {
    const side = kernelSide(join(base, 'kernel'), '/tmp/lab');
    await side.rebuild(SOLUTION.slice(0, 3), [SOLUTION[3] as string]);
    const lab = side.lab as string;
    expect(readdirSync(join(lab, 'tmp')).sort()).toEqual(
      base.startsWith('/tmp/') ? ['lab', base.split('/')[2]] : ['lab'],
    );
    let out = '';
    const r = await side.run(
      'echo new >> /tmp/lab/merged/file; cat /tmp/lab/merged/file; ls /root | wc -l',
      io((s) => {
        out += s;
      }),
    );
    expect(r.exitCode).toBe(0);
    expect(out).toBe('old\nnew\n0\n');
    expect(r.commands.map((c) => c.argv[0])).toEqual(['cat', 'ls']);
    const h = side.host;
    expect(h.docker).toBeUndefined();
    expect(h.readText('/tmp/lab/upper/file')).toBe('old\nnew\n');
    expect(h.isMountpoint('/tmp/lab/merged')).toBe(true);
    expect(h.isMountpoint('/tmp/lab/upper')).toBe(false);
    // The panes find the overlay mounted by hand, as on the simulated host.
    expect(h.overlayMounts?.()).toEqual([
      { target: '/tmp/lab/merged', lowerdir: ['/tmp/lab/lower'], upperdir: '/tmp/lab/upper', workdir: '/tmp/lab/work' },
    ]);
    const panes = derivePanesOf(h, {}, new Set());
    expect(panes.upper.map((r) => [r.path, r.mark])).toEqual([['file', '~']]);
    await side.run('rm -r /tmp/lab/merged/dir && mkdir /tmp/lab/merged/dir && rm /tmp/lab/merged/file', QUIET);
    expect(h.isOpaque('/tmp/lab/upper/dir')).toBe(true);
    expect(h.lstat('/tmp/lab/upper/file')).toMatchObject({ type: 'chr', rdev: 0 });
    // The machine's own /tmp and mounts are as they were.
    expect(existsSync('/tmp/lab')).toBe(hadLab);
    expect(mountedHere(lab)).toBe(false);
    // `exit` ends the bash, not the namespace: the overlay is still mounted for the next line, and
    // the bash taken up after it has the last one's cwd, variables and exit status.
    await side.run('cd /tmp/lab && LAB_VAR=kept', QUIET);
    expect((await side.run('exit 3', QUIET)).exitCode).toBe(3);
    out = '';
    await side.run(
      'echo "$? $LAB_VAR $PWD"; cat merged/dir/a 2>&1; findmnt -n -o FSTYPE /tmp/lab/merged',
      io((s) => {
        out += s;
      }),
    );
    expect(out).toBe('3 kept /tmp/lab\ncat: merged/dir/a: No such file or directory\noverlay\n');
    expect(side.prompt()).toBe('root@real:/tmp/lab# ');
    await side.close();
    expect(existsSync(lab)).toBe(false);
    expect(processesOfLab(lab)).toEqual([]);
  }, 30_000);

  it('a rebuild is a fresh lab: the old one’s dir and processes are gone', async () => {
    const side = kernelSide(join(base, 'kernel'), '/tmp/lab');
    await side.rebuild([], SOLUTION);
    const first = side.lab as string;
    await side.rebuild([], []);
    expect(existsSync(first)).toBe(false);
    expect(processesOfLab(first)).toEqual([]);
    expect(side.host.lstat('/tmp/lab')).toBeUndefined();
    await side.close();
  }, 30_000);

  it('the next start removes a lab whose tutor is gone, and leaves a running tutor’s alone', async () => {
    const k = join(base, 'left');
    const dead = join(k, 'lab-dead');
    const alive = join(k, 'lab-alive');
    for (const d of [dead, alive]) mkdirSync(join(d, 'parent'), { recursive: true });
    // A pid that is no process now, and the vitest worker's parent, with its start time.
    writeFileSync(join(dead, 'owner.json'), JSON.stringify({ tutor: 2 ** 22 + 1, tutorStart: '1' }));
    const stat = readFileSync(`/proc/${process.ppid}/stat`, 'latin1');
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    writeFileSync(join(alive, 'owner.json'), JSON.stringify({ tutor: process.ppid, tutorStart: start }));
    // A line of the dead tutor's lab still running.
    const left = spawn('sleep', ['600'], { env: { OVERLAY_TUTOR_LAB: dead }, stdio: 'ignore', detached: true });
    await new Promise((r) => setTimeout(r, 100));
    expect(processesOfLab(dead)).toEqual([left.pid]);
    const report = await cleanKernelLeftovers(k);
    expect(report).toEqual({ removed: [dead], killed: 1 });
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(alive)).toBe(true);
  }, 30_000);
});
