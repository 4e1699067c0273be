// The real-host mode on this machine's kernel and a real dockerd: the live preflight, the private
// daemon (and its cleanup after a kill -9), the tutorial images loaded from the simulator's own
// `docker save`, and `replay --real` on the built bin. Root on Linux with dockerd is needed; CI
// sets OVERLAY_TUTOR_REQUIRE_REAL=1, where a skip is a failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decidePreflight, summarizeDaemon } from '../../src/real/preflight.js';
import { type PrivateDaemon, startPrivateDaemon } from '../../src/real/private-daemon.js';
import { findExecutable, probeHost } from '../../src/real/probe.js';
import { busyboxRootfsTar, realHostUnavailable } from '../support/real-docker.js';
import { processesNaming } from '../support/leftovers.js';
import { chainIdsOf, loadTutorialImages, TUTORIAL_REFS } from '../../src/real/tutorial-images.js';
import { reportNotes } from '../../src/real/compare.js';
import { replayOnBoth, writeReport } from '../../src/real/replay.js';
import { release } from 'node:os';

const BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const unavailable = realHostUnavailable('real-host mode suite', { bin: true });

const base = () => mkdtempSync('/tmp/ot-real-');
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'latin1'));
describe.runIf(!unavailable)('the real-host mode on this machine', () => {
  let d: PrivateDaemon;
  let dir: string;
  beforeAll(async () => {
    dir = base();
    const started = await startPrivateDaemon({ dir: join(dir, 'd') });
    if (typeof started === 'string') throw new Error(started);
    d = started;
  }, 120_000);
  afterAll(async () => {
    await d?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('preflight, live: the private daemon reads as the recorded Docker 20.10 fixture does', async () => {
    const facts = await probeHost(d.dir, { DOCKER_HOST: d.host });
    const live = facts.daemons.find((a) => a.source === 'DOCKER_HOST')!;
    const s = summarizeDaemon(live)!;
    const recorded = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '..', 'fixtures', 'preflight', 'recorded-here.docker-20.10.24-debian.json'),
        'utf8',
      ),
    ) as { expect: Record<string, unknown> };
    // The daemon's data-root is bound on /var/lib/docker in its namespace, as on a stock host.
    expect(s).toMatchObject({ ...recorded.expect, dataRoot: '/var/lib/docker' });
    const p = decidePreflight(facts);
    expect(p.modes.map((m) => [m.mode, m.usable])).toEqual([
      ['private', true],
      ['system', true],
      ['kernel', true],
    ]);
    expect(facts.overlayParams).toHaveProperty('redirect_dir');
  });

  it('the tutorial images load from the simulator with the same image IDs, DiffIDs and layerdb ChainIDs', async () => {
    const report = await loadTutorialImages(d);
    expect(report.images.flatMap((i) => i.problems)).toEqual([]);
    expect(report.identical).toBe(true);
    expect(report.images.map((i) => i.ref)).toEqual([...TUTORIAL_REFS]);
    const nginx = report.images.find((i) => i.ref === 'nginx:latest')!;
    expect(nginx.chainIds).toEqual(chainIdsOf(nginx.real!.diffIds));
    expect(nginx.chainIds.length).toBe(7);
    // The ChainID of the top layer names a layerdb dir whose cache-id is an overlay2 dir.
    const top = nginx.chainIds.at(-1)!.slice(7);
    const cacheId = readFileSync(join(d.dataRoot, 'image/overlay2/layerdb/sha256', top, 'cache-id'), 'utf8');
    expect(existsSync(join(d.dataRoot, 'overlay2', cacheId, 'diff'))).toBe(true);
  }, 300_000);

  it("a container's overlay mount is in the daemon's own namespace, never on the host", async () => {
    // The tutorial images' files are the simulator's, not binaries: a real busybox runs here.
    const tar = await busyboxRootfsTar();
    const imp = spawnSync(d.cli, ['import', '-', 'bb:real'], { env: d.env, input: tar, encoding: 'utf8' });
    expect(imp.status).toBe(0);
    const run = spawnSync(d.cli, ['run', '-d', '--name', 'probe', 'bb:real', 'sleep', '60'], {
      env: d.env,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const merged = spawnSync(d.cli, ['inspect', 'probe', '--format', '{{.GraphDriver.Data.MergedDir}}'], {
      env: d.env,
      encoding: 'utf8',
    }).stdout.trim();
    const own = readFileSync(`/proc/${d.pid}/mountinfo`, 'utf8');
    expect(own).toMatch(new RegExp(` ${merged} .* - overlay overlay .*upperdir=`));
    expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(d.dir);
  }, 60_000);

  it("replay's real bash pulls as a lesson's does: from the simulator's archive, the pulls not compared", async () => {
    // Neither image on the daemon: the stand-in has the simulator write each archive and loads it.
    spawnSync(d.cli, ['rm', '-f', 'probe'], { env: d.env, stdio: 'ignore' });
    spawnSync(d.cli, ['rmi', '-f', 'ubuntu:20.04', 'nginx:latest'], { env: d.env, stdio: 'ignore' });
    const script = [
      'docker pull ubuntu:20.04',
      'docker pull nginx',
      'docker run --name c1 ubuntu:20.04 ls /etc/apt',
      "docker ps -a --format '{{.Names}} {{.Image}}'",
      "docker image inspect -f '{{.RepoDigests}}' nginx",
    ].join('\n');
    const blocks = await replayOnBoth(d, script, { images: false });
    let report = '';
    const status = writeReport(
      blocks,
      (t) => (report += t),
      reportNotes(blocks, { dockerVersion: d.version, kernel: release() }),
    );
    expect(report).toContain(
      "$ docker pull ubuntu:20.04\n  not compared: no registry here: ubuntu:20.04 is loaded from the simulator's archive of it\n",
    );
    expect(report).toContain('$ docker pull nginx\n  not compared: no registry here: nginx:latest is loaded');
    expect(report).toContain('$ docker run --name c1 ubuntu:20.04 ls /etc/apt\n         | apt.conf.d\n');
    expect(report).toContain('         | c1 ubuntu:20.04\n');
    // Every line agrees but the repo digest a pull records (no registry here), which says why.
    expect(report).toMatch(
      /≠ sim {2}\| \[nginx@sha256:<id\d+>\]\n {2}≠ real \| \[\]\n {2}why: this host reaches no registry/,
    );
    expect(report).toMatch(
      /\n2\/3 commands agree\n2 commands not compared \(a pull: no registry here\)\n6\/8 lines agree\n$/,
    );
    expect(status).toBe(1);
  }, 300_000);
});

describe.runIf(!unavailable)('a private daemon killed with the tutor', () => {
  it('is found by its pidfile on the next start and cleaned up; stop leaves nothing running or mounted', async () => {
    const dir = base();
    const daemonDir = join(dir, 'd');
    const script = join(dir, 'long.sh');
    writeFileSync(script, 'sleep 300\n');
    // The built bin's replay starts the daemon; it is killed -9 once dockerd answers.
    const child = spawn(process.execPath, [BIN, 'replay', script, '--real', '--bare'], {
      env: { ...process.env, OVERLAY_TUTOR_REAL_DIR: daemonDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const deadline = Date.now() + 90_000;
    while (!out.includes('Private dockerd') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(out).toContain('Private dockerd');
    const oldPid = Number(readFileSync(join(daemonDir, 'docker.pid'), 'utf8'));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));
    expect(alive(oldPid)).toBe(true);

    const d = await startPrivateDaemon({ dir: daemonDir });
    if (typeof d === 'string') throw new Error(d);
    try {
      expect(d.stale.foundPidfile).toBe(true);
      expect(d.stale.killedPid).toBe(oldPid);
      expect(alive(oldPid)).toBe(false);
      expect(d.pid).not.toBe(oldPid);
    } finally {
      await d.stop();
    }
    expect(processesNaming(daemonDir)).toEqual([]);
    expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(daemonDir);
    expect(existsSync(join(daemonDir, 'data'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});

describe.runIf(!unavailable)('the lessons on the real host from run to run (the built bin, line mode)', () => {
  it('an image is written once and kept; exit keeps the bash; a kill -9 is cleaned up, the images kept', async () => {
    const dir = base();
    const daemonDir = join(dir, 'd');
    const env = { ...process.env, OVERLAY_TUTOR_REAL_DIR: daemonDir, XDG_STATE_HOME: join(dir, 'state') };
    const args = [BIN, 'tutor', '--lesson', '4', '--real'];
    // Lesson 4's setup pulls busybox: the first run has the simulator write its archive and loads it.
    const first = spawnSync(process.execPath, args, {
      env,
      input: ['cd /tmp', 'export FOO=bar', 'false', 'exit 3', 'echo "[$? $FOO $PWD]"', 'lessons', 'q', ''].join('\n'),
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(first.stdout).toContain("(no registry here: the simulator writes busybox:latest's archive first, once");
    expect(first.stdout).toContain("(no registry here: busybox:latest is loaded from the simulator's archive of it)");
    // exit: the real bash ended, the next took up its cwd, variables and exit's status.
    expect(first.stdout).toContain('`exit` ended the lesson’s real bash; another took up where it left off');
    expect(first.stdout).toContain('[3 bar /tmp]');
    expect(first.status).toBe(0);
    expect(processesNaming(daemonDir)).toEqual([]);
    // The second run finds busybox on the daemon with the simulator's image ID: nothing loaded.
    const second = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    second.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const deadline = Date.now() + 180_000;
    while (!out.includes('root@real:~# ') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(out).toContain("busybox:latest is on the daemon already, the simulator's image: nothing to load");
    expect(out).not.toContain('the simulator writes');
    const oldPid = Number(readFileSync(join(daemonDir, 'docker.pid'), 'utf8'));
    second.kill('SIGKILL');
    await new Promise((r) => second.once('close', r));
    expect(alive(oldPid)).toBe(true);
    // After the kill -9: the next run stops the old daemon, and its data-root still holds busybox.
    const third = spawnSync(process.execPath, args, { env, input: 'lessons\nq\n', encoding: 'utf8', timeout: 300_000 });
    expect(third.stdout).toMatch(/Cleaned up after an earlier run that did not stop: killed dockerd \d+/);
    expect(third.stdout).toContain('busybox:latest is on the daemon already');
    expect(third.status).toBe(0);
    expect(alive(oldPid)).toBe(false);
    expect(processesNaming(daemonDir)).toEqual([]);
    expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(daemonDir);
    rmSync(dir, { recursive: true, force: true });
  }, 600_000);
});

describe.runIf(!unavailable)('replay FILE --real on the built bin', () => {
  const run = (script: string, extra: string[] = []) => {
    const dir = base();
    const file = join(dir, 's.sh');
    writeFileSync(file, script);
    const r = spawnSync(process.execPath, [BIN, 'replay', file, '--real', ...extra], {
      env: { ...process.env, OVERLAY_TUTOR_REAL_DIR: join(dir, 'd') },
      encoding: 'utf8',
      timeout: 300_000,
    });
    rmSync(dir, { recursive: true, force: true });
    return r;
  };

  it('a script whose lines agree: N/N and exit 0', () => {
    const r = run(
      [
        "docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}'",
        "docker image inspect nginx --format '{{json .RootFS.Layers}}'",
        'docker create --name web nginx',
        "UP=$(docker inspect web --format '{{.GraphDriver.Data.UpperDir}}')",
        'ls $(dirname $UP)',
        'ls /var/lib/docker/image/overlay2/layerdb/sha256 | wc -l',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/\n6\/6 commands agree\n(\d+)\/\1 lines agree\n$/);
    expect(r.stdout).toMatch(/ {9}\| nginx:latest <id\d+>/);
    expect(r.status).toBe(0);
  }, 300_000);

  it("a learner's saved session transcript: the lesson's docker pull served by the stand-in, every line agrees", () => {
    // The tutor on the simulated host keeps the transcript (lesson 5, whose setup pulls nginx).
    const dir = base();
    const file = join(dir, 'session.transcript.jsonl');
    const typed = ['5', '', "docker images --format '{{.Repository}}:{{.Tag}}'", 'hint'];
    typed.push('ls /var/lib/docker/image/overlay2/layerdb/sha256 | wc -l', 'lessons', 'q', '');
    const made = spawnSync(process.execPath, [BIN, '--transcript', file], {
      env: { ...process.env, XDG_STATE_HOME: join(dir, 'state') },
      input: typed.join('\n'),
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(made.status).toBe(0);
    const r = spawnSync(process.execPath, [BIN, 'replay', file, '--real', '--bare'], {
      env: { ...process.env, OVERLAY_TUTOR_REAL_DIR: join(dir, 'd') },
      encoding: 'utf8',
      timeout: 300_000,
    });
    rmSync(dir, { recursive: true, force: true });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('a session transcript: lesson 05-layer-anatomy');
    // No image on the daemon (--bare): the pull stand-in loads the simulator's archive of nginx.
    expect(r.stdout).toContain(
      "$ docker pull nginx\n  not compared: no registry here: nginx:latest is loaded from the simulator's archive",
    );
    expect(r.stdout).toContain("$ docker images --format '{{.Repository}}:{{.Tag}}'\n         | nginx:latest\n");
    expect(r.stdout).toContain('$ ls /var/lib/docker/image/overlay2/layerdb/sha256 | wc -l\n         | 7\n');
    expect(r.stdout).not.toContain('$ hint');
    expect(r.stdout).toMatch(
      /\n2\/2 commands agree\n1 command not compared \(a pull: no registry here\)\n2\/2 lines agree\n$/,
    );
    expect(r.status).toBe(0);
  }, 400_000);

  it('a line that differs is marked on both sides and the exit is 1', () => {
    const r = run('echo same\nhostname\n', ['--bare']);
    expect(r.stdout).toMatch(/\$ hostname\n {2}≠ sim {2}\| \S+\n {2}≠ real \| \S+\n/);
    expect(r.stdout).toMatch(/1\/2 commands agree\n1\/3 lines agree\n$/);
    expect(r.status).toBe(1);
  }, 300_000);

  it("a lesson's daemon.json and systemctl never reach the machine's own /etc/docker or docker.service", () => {
    const before = existsSync('/etc/docker/daemon.json') ? readFileSync('/etc/docker/daemon.json', 'utf8') : null;
    const r = run(
      [
        'echo \'{ "storage-driver": "overlay" }\' > /etc/docker/daemon.json',
        'cat /etc/docker/daemon.json',
        'systemctl restart docker',
      ].join('\n'),
      ['--bare'],
    );
    expect(r.stdout).toMatch(/\$ cat \/etc\/docker\/daemon.json\n {9}\| \{ "storage-driver": "overlay" \}/);
    expect(r.stdout).toMatch(/≠ real \| systemctl: not run on the real host/);
    const after = existsSync('/etc/docker/daemon.json') ? readFileSync('/etc/docker/daemon.json', 'utf8') : null;
    expect(after).toBe(before);
  }, 300_000);

  it('without root: one screen saying what is missing and what would work, exit 2, no stack trace', () => {
    const setpriv = findExecutable('setpriv');
    expect(setpriv).toBeDefined();
    const dir = base();
    const file = join(dir, 's.sh');
    writeFileSync(file, 'true\n');
    spawnSync('chmod', ['-R', 'a+rX', dir]);
    const r = spawnSync(
      setpriv!,
      ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'replay', file, '--real'],
      { encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, HOME: '/nonexistent' } },
    );
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/not root \(uid 65534\)/);
    expect(r.stdout).toMatch(/cannot run here\.\n {2}✗ needs root/);
    expect(r.stdout).toMatch(/the lessons on the simulated host/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe.runIf(!unavailable)('sandbox --real in line mode on the built bin', () => {
  it('runs lines in a real bash against the private daemon, shows the panes from the real host, stops it', () => {
    const dir = base();
    const daemonDir = join(dir, 'd');
    const input = [
      'docker create --name web nginx',
      'cd /var/lib/docker/image/overlay2 && ls',
      'false',
      'echo status=$?',
      'panes',
      'exit 3',
      '',
    ].join('\n');
    const r = spawnSync(process.execPath, [BIN, 'sandbox', '--real'], {
      env: { ...process.env, OVERLAY_TUTOR_REAL_DIR: daemonDir },
      input,
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(r.stdout).toMatch(/8 images loaded: the same image IDs, DiffIDs and ChainIDs as in the simulator/);
    expect(r.stdout).toMatch(/real# [0-9a-f]{64}\n/);
    expect(r.stdout).toMatch(/distribution\nimagedb\nlayerdb\nrepositories.json\n/);
    expect(r.stdout).toContain('status=1');
    expect(r.stdout).toMatch(/In focus: container web \(created\)/);
    expect(r.stdout.match(/ -> cache-id [0-9a-f]{12} ok/g)?.length).toBe(7);
    expect(r.stdout).toMatch(/upper \(diff\) .*\/diff:\n {2}\(empty\)/);
    expect(r.stdout).toMatch(/Stopping the private dockerd/);
    expect(r.status).toBe(3);
    expect(processesNaming(daemonDir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  it('tutor --lesson 2 --real in line mode: the steps judged on the real host, reset rebuilds it, progress kept', () => {
    const dir = base();
    const daemonDir = join(dir, 'd');
    const input = [
      '',
      'docker pull debian',
      'docker pull debian:bookworm-slim',
      'reset',
      "docker images --format '{{.Repository}}:{{.Tag}}'",
      'lessons',
      'q',
      '',
    ].join('\n');
    const r = spawnSync(process.execPath, [BIN, 'tutor', '--lesson', '2', '--real'], {
      env: { ...process.env, OVERLAY_TUTOR_REAL_DIR: daemonDir, XDG_STATE_HOME: join(dir, 'state') },
      input,
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(r.stdout).toMatch(/^Preflight: /);
    expect(r.stdout).toContain('Real host: your lines run in a real bash');
    expect(r.stdout).toMatch(/root@real:~# /);
    // The wrong pull fails on the real host (no such archive, no registry); the right one passes.
    expect(r.stdout.split('✓ Step done').length).toBe(2);
    expect(r.stdout).toContain('Step reset.');
    expect(r.stdout).toContain('The real host was rebuilt');
    expect(r.stdout).toContain('replayed');
    expect(r.stdout).toMatch(/# debian:bookworm-slim\n/);
    expect(r.stdout).toMatch(/Stopping the private dockerd/);
    expect(r.status).toBe(0);
    const progress = JSON.parse(readFileSync(join(dir, 'state', 'overlay-tutor', 'progress.json'), 'utf8'));
    expect(progress.lessons['pulling-an-image']).toMatchObject({ current: 2 });
    expect(processesNaming(daemonDir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});
