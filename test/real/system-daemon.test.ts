// The safety test of `--real=system`: a daemon that stands for the user's own (a private dockerd
// from test/support/real-docker.ts) already holds a running container with a file written in it,
// a stopped one, images, a volume with data and a network. The built bin runs lessons' solutions
// on it with --yes, a reset between them, lines that try to change the user's things, a kill -9
// in the middle of a lesson and the start after it, and a --dry-run. Afterwards the user's things
// are the same byte for byte (inspect JSON, `docker export` and `docker save` hashes, the volume's
// files) and nothing the tutor made is left. Root, dockerd and busybox-static are needed; CI sets
// OVERLAY_TUTOR_REQUIRE_REAL=1, where a skip is a failure.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLessonsDir, readLessons } from '../../src/io/lesson-files.js';
import { findExecutable } from '../../src/real/probe.js';
import {
  busyboxRootfsTar,
  DEFAULT_APPLETS,
  type RealDocker,
  startRealDocker,
  realHostUnavailable,
  treeFingerprint,
} from '../support/real-docker.js';

const BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const unavailable = realHostUnavailable('--real=system suite', { busybox: true, bin: true });

const LABEL = 'org.overlay-tutor.session';
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Every command line of a lesson's setup and of its steps' solutions (`answer` is the tutor's). */
function lessonLines(folderPrefix: string): string[] {
  const lessons = readLessons(findLessonsDir()!).lessons;
  const lesson = lessons.find((l) => l.folder.startsWith(folderPrefix))!;
  const lines = [...lesson.data.setup];
  for (const step of lesson.data.steps)
    for (const l of (step as { solution?: string[] }).solution ?? []) if (!/^answer\b/.test(l)) lines.push(l);
  return lines;
}

/** Lines that would change what the user had: each must be refused. */
const ATTACKS = [
  'docker rm -f user-ctr',
  'docker stop user-ctr',
  'docker exec user-ctr rm /keep.txt',
  'docker cp /etc/hostname user-ctr:/keep.txt',
  'docker start user-stopped',
  'docker rename user-stopped renamed',
  'docker commit user-ctr snapshot',
  'docker rmi busybox',
  'docker rmi -f $(docker image inspect -f {{.Id}} busybox:latest)',
  'docker tag nginx busybox:latest',
  'docker tag nginx user/app:1',
  'docker volume rm user-data',
  'docker run --rm -v user-data:/d busybox sh -c "echo x > /d/v.txt"',
  'docker run --rm --mount source=user-data,target=/d busybox true',
  'docker network rm user-net',
  'docker system prune -af --volumes',
  'docker container prune -f',
  'docker volume prune -f',
  'docker ps -aq | xargs docker rm -f',
  '/usr/bin/docker rm -f user-ctr',
  'rm -rf /var/lib/docker/volumes/user-data',
  'touch $(docker inspect -f {{.GraphDriver.Data.MergedDir}} user-ctr)/owned',
];

describe.runIf(!unavailable)('--real=system on a daemon that holds the user’s own things', () => {
  let user: RealDocker;
  let dir: string;
  let before: Awaited<ReturnType<typeof fingerprint>>;
  const env = () => ({ ...process.env, DOCKER_HOST: user.host, OVERLAY_TUTOR_SYSTEM_DIR: dir });
  const bin = (args: string[], input: string) =>
    spawnSync(process.execPath, [BIN, 'sandbox', '--real=system', ...args], {
      env: env(),
      input,
      encoding: 'utf8',
      timeout: 400_000,
    });
  const raw = (args: string[]) => spawnSync(user.cli, args, { env: user.env, maxBuffer: 1 << 28 }).stdout;

  /** The user's things as bytes and JSON, and the daemon's whole inventory. */
  async function fingerprint() {
    const inspect = async (...args: string[]) => JSON.parse(await user.dockerOk(args)) as unknown[];
    const volume = (await inspect('volume', 'inspect', 'user-data'))[0] as { Mountpoint: string };
    const files = treeFingerprint(volume.Mountpoint);
    const list = async (...args: string[]) => (await user.dockerOk(args)).split('\n').filter(Boolean).sort();
    return {
      containers: await inspect('container', 'inspect', 'user-ctr', 'user-stopped'),
      images: await inspect('image', 'inspect', 'busybox:latest', 'user/app:1'),
      volume: await inspect('volume', 'inspect', 'user-data'),
      network: await inspect('network', 'inspect', 'user-net'),
      exported: sha(raw(['export', 'user-ctr'])),
      saved: sha(raw(['save', 'busybox:latest', 'user/app:1'])),
      volumeFiles: files,
      inventory: {
        containers: await list('ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Names}} {{.Image}} {{.State}}'),
        images: await list('images', '-a', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}'),
        volumes: await list('volume', 'ls', '--format', '{{.Name}} {{.Labels}}'),
        networks: await list('network', 'ls', '--no-trunc', '--format', '{{.ID}} {{.Name}}'),
      },
    };
  }

  /** Nothing labelled, no session record, and the user's things as they were. */
  async function expectUntouched() {
    for (const args of [
      ['ps', '-aq', '--filter', `label=${LABEL}`],
      ['volume', 'ls', '-q', '--filter', `label=${LABEL}`],
      ['network', 'ls', '-q', '--filter', `label=${LABEL}`],
    ])
      expect([args.join(' '), await user.dockerOk(args)]).toEqual([args.join(' '), '']);
    expect(readdirSync(join(dir, 'sessions')).filter((f) => f.endsWith('.json'))).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  }

  beforeAll(async () => {
    dir = mkdtempSync('/tmp/ot-realsystem-');
    const started = await startRealDocker();
    if (typeof started === 'string') throw new Error(started);
    user = started;
    const tar = await busyboxRootfsTar({ applets: [...DEFAULT_APPLETS, 'seq'] });
    await user.dockerOk(['import', '-', 'busybox:latest'], { input: tar });
    await user.dockerOk(['tag', 'busybox:latest', 'user/app:1']);
    await user.dockerOk(['run', '-d', '--name', 'user-ctr', 'busybox:latest', 'sleep', '3600']);
    await user.dockerOk(['exec', 'user-ctr', 'sh', '-c', 'echo precious > /keep.txt && mkdir -p /srv/a']);
    await user.dockerOk(['create', '--name', 'user-stopped', 'busybox:latest', 'true']);
    await user.dockerOk(['volume', 'create', '--label', 'owner=me', 'user-data']);
    await user.dockerOk([
      'run',
      '--rm',
      '-v',
      'user-data:/d',
      'busybox:latest',
      'sh',
      '-c',
      'echo data > /d/v.txt && mkdir /d/sub && seq 1 5000 > /d/sub/n.txt && chmod 600 /d/v.txt',
    ]);
    await user.dockerOk(['network', 'create', 'user-net']);
    before = await fingerprint();
  }, 180_000);
  afterAll(async () => {
    await user?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('two lessons’ solutions with --yes and a reset between them; every attack refused; nothing left', async () => {
    const input = [...lessonLines('06-'), 'reset', ...lessonLines('09-'), ...ATTACKS, 'exit', ''].join('\n');
    const r = bin(['--yes'], input);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toMatch(/left out: you have busybox:latest as another image/);
    expect(out).toMatch(/7 images loaded: the same image IDs as in the simulator/);
    // Containers made with the label; a container of the lesson runs on the user's busybox.
    expect(out).toMatch(/\+ docker run --label org\.overlay-tutor\.session=[0-9a-f]{12} -d --name web nginx/);
    expect(out).toMatch(
      /\+ docker run --label org\.overlay-tutor\.session=[0-9a-f]{12} -d --name box busybox sleep 1000/,
    );
    expect(out).toMatch(/\+ docker commit web mynginx/);
    // The reset removed lesson 6's containers and loaded the images again.
    expect(out.match(/7 images loaded/g)?.length).toBe(2);
    expect(out).toMatch(/Removing what session [0-9a-f]{12} made:\n {2}docker rm -f -v/);
    for (const attack of ATTACKS.filter((a) => a.startsWith('docker') && !a.includes('|')))
      expect([attack, out]).toEqual([attack, expect.stringMatching(/not run/)]);
    for (const why of [
      'container user-ctr (',
      'container user-stopped (',
      'the tag busybox:latest is yours',
      'the tag user/app:1 is yours',
      'volume user-data is yours',
      'network user-net (',
      'it removes resources that are not the tutor',
    ])
      expect(out).toContain(why);
    // xargs runs the stand-in too: the user's container among the ids refuses the whole command.
    expect(out).toMatch(/docker rm -f [0-9a-f]{12} .*: not run: container [0-9a-f]{12} .*is yours/);
    expect(out).toMatch(/rm: can't remove|Read-only file system/);
    expect(out).toMatch(/touch: cannot touch '\S+\/merged\/owned': Read-only file system/);
    expect(out).toMatch(/Removing what session [0-9a-f]{12} created:\n {2}- docker rmi --no-prune ubuntu:20.04/);
    await expectUntouched();
  }, 600_000);

  it('a kill -9 in the middle of a lesson: the next start finds the session and removes what it made', async () => {
    const child = spawn(process.execPath, [BIN, 'sandbox', '--real=system', '--yes'], {
      env: env(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const lesson7 = lessonLines('07-').slice(0, 6);
    child.stdin.write(
      [...lesson7, 'docker volume create scratch', 'docker commit web snap', 'echo MID-LESSON', ''].join('\n'),
    );
    const deadline = Date.now() + 300_000;
    while (!out.includes('MID-LESSON\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(out).toContain('MID-LESSON\n');
    const id = /Session ([0-9a-f]{12})/.exec(out)![1]!;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));
    // What it made is still there, and its record says so.
    expect(await user.dockerOk(['ps', '-a', '--filter', `label=${LABEL}=${id}`, '--format', '{{.Names}}'])).toBe('web');
    expect(await user.dockerOk(['volume', 'ls', '-q', '--filter', `label=${LABEL}=${id}`])).toBe('scratch');
    const record = JSON.parse(readFileSync(join(dir, 'sessions', `${id}.json`), 'utf8')) as {
      created: { tags: string[] };
    };
    expect(record.created.tags).toEqual(expect.arrayContaining(['nginx:latest', 'snap:latest']));

    const r = bin(['--yes', '--bare'], 'docker ps -a --format {{.Names}}\nexit\n');
    expect(r.stdout).toContain(`Cleaned up after session ${id}`);
    expect(r.stdout).toMatch(/- docker rmi --no-prune snap:latest/);
    expect(r.stdout).toMatch(/real# (user-stopped\nuser-ctr|user-ctr\nuser-stopped)\nreal# /);
    await expectUntouched();
  }, 600_000);

  it('--dry-run prints the plan and changes nothing on the daemon', async () => {
    const input = [...lessonLines('09-'), 'reset', 'docker volume create v1', 'exit', ''].join('\n');
    const r = bin(['--dry-run'], input);
    expect(r.stdout).toMatch(/Dry run: nothing on your daemon changes/);
    expect(r.stdout).toMatch(/\(dry run\) would run: docker load -i tutorial-images\.tar/);
    expect(r.stdout).toMatch(/\(dry run\) would run: docker run --label org\.overlay-tutor\.session=\S+ -d --name web/);
    expect(r.stdout).toMatch(/\(dry run\) would run: docker volume create --label \S+ v1/);
    expect(r.stdout).toContain('Dry run: nothing was created, nothing to remove.');
    await expectUntouched();
  }, 600_000);

  it('without --yes each change is asked first: n runs nothing, y runs it', async () => {
    const input = ['docker volume create asked-no', 'n', 'docker volume create asked-yes', 'y'];
    const r = bin(['--bare'], [...input, 'docker volume ls -q', 'exit', ''].join('\n'));
    expect(r.stdout).toMatch(/Run on your daemon\? docker volume create --label \S+ asked-no \[y\/N\] /);
    expect(r.stdout).toContain('docker volume create asked-no: not run (you said no)');
    expect(r.stdout).toMatch(/real# (asked-yes\nuser-data|user-data\nasked-yes)\n/);
    expect(r.stdout).toMatch(/- docker volume rm asked-yes/);
    await expectUntouched();
  }, 300_000);

  it('replay FILE --real=system: each change asked on stdin, the report, exit 1; --dry-run changes nothing; all agreeing, exit 0', async () => {
    const file = join(dir, 'replay.sh');
    writeFileSync(
      file,
      [
        'docker volume create rv',
        "docker run --name r1 busybox sh -c 'echo hi > /hi.txt'",
        'docker diff r1',
        'docker rm -f user-ctr',
        'hostname',
        '',
      ].join('\n'),
    );
    const replay = (extra: string[], input: string) =>
      spawnSync(process.execPath, [BIN, 'replay', file, '--real=system', '--bare', ...extra], {
        env: env(),
        input,
        encoding: 'utf8',
        timeout: 400_000,
      });
    const r = replay([], 'y\nn\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /Run on your daemon\? docker volume create --label org\.overlay-tutor\.session=\S+ rv \[y\/N\] /,
    );
    expect(r.stdout).toMatch(/Run on your daemon\? docker run --label \S+ --name r1 busybox/);
    // Both sides' output, as `replay --real` shows it: the volume agrees, the refusals and the
    // refused run are the real side's own.
    expect(r.stdout).toMatch(/\$ docker volume create rv\n {9}\| rv\n/);
    expect(r.stdout).toMatch(/≠ real \| docker run --name r1 .*: not run \(you said no\)/);
    expect(r.stdout).toMatch(/≠ real \| docker rm -f user-ctr: not run: container user-ctr \(\S+\) is yours/);
    expect(r.stdout).toMatch(/\n\d+\/5 commands agree\n(\d+)\/(?!\1\n)\d+ lines agree\n/);
    expect(r.stdout).toMatch(/Removing what session [0-9a-f]{12} created:\n {2}- docker volume rm rv/);
    expect(r.status).toBe(1);
    await expectUntouched();

    // --dry-run: each change printed, none made; nothing on the daemon, no record.
    const dry = replay(['--dry-run'], '');
    expect(dry.stdout).toMatch(/\(dry run\) would run: docker volume create --label \S+ rv/);
    expect(dry.stdout).toContain('Dry run: nothing was created, nothing to remove.');
    await expectUntouched();

    writeFileSync(file, 'echo same\ndocker volume create --label k=v agreed\n');
    const ok = replay(['--yes'], '');
    expect(ok.stdout).toMatch(/\+ docker volume create --label org\.overlay-tutor\.session=\S+ --label k=v agreed/);
    expect(ok.stdout).toMatch(/\n2\/2 commands agree\n2\/2 lines agree\n/);
    expect(ok.status).toBe(0);
    await expectUntouched();
  }, 600_000);

  it('without root: one screen saying what is missing, exit 2, no stack trace', () => {
    const setpriv = findExecutable('setpriv')!;
    const r = spawnSync(
      setpriv,
      ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'sandbox', '--real=system'],
      {
        encoding: 'utf8',
        timeout: 60_000,
        env: { PATH: process.env.PATH, HOME: '/nonexistent', DOCKER_HOST: user.host },
      },
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^Preflight: /);
    expect(r.stdout).toMatch(/cannot run here\.\n( {2}✗ .*\n)* {2}✗ needs root/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('without a daemon at DOCKER_HOST: one screen, exit 2, and no other daemon used in its place', () => {
    const r = spawnSync(process.execPath, [BIN, 'sandbox', '--real=system', '--yes'], {
      env: { ...env(), DOCKER_HOST: `unix://${dir}/nothing.sock` },
      encoding: 'utf8',
      timeout: 60_000,
      input: 'exit\n',
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/DOCKER_HOST unix:\/\/\S+nothing\.sock: ENOENT/);
    expect(r.stdout).toMatch(
      /cannot run here\.\n {2}✗ (no daemon answered|DOCKER_HOST=\S+nothing\.sock did not answer)/,
    );
    expect(r.stdout).not.toMatch(/Session [0-9a-f]{12}/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
