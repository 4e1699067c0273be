// A host's own values in a comparison (src/real/normalize.ts): the kernel's release, docker info's
// machine lines and ID, and owner names read as placeholders on both sides, and nothing else does;
// a listing both sides print sorted is compared as a set (its random ids sort differently).
import { describe, expect, it } from 'vitest';
import { placeholderLegend, reportNotes } from '../../src/real/compare.js';
import { compareLessonLines } from '../../src/real/replay.js';
import { idNames, normalizeTranscript } from '../../src/real/normalize.js';
import { driverIn, learnerConfig } from '../../src/real/private-daemon.js';
import { normalizeBlocks, renderExplained, SIM_HOST, sortedListing } from '../../src/real/replay.js';

const owners = (passwd: string, group = 'root:x:0:\n') => ({ users: idNames(passwd), groups: idNames(group) });
const SIM = { kernel: '5.15.0-91-generic', owners: owners('root:x:0:0::/root:/bin/bash\n') };
const REAL = {
  kernel: '6.1.0-18-amd64',
  owners: owners('root:x:0:0::/root:/bin/bash\npostgres:x:101:104::/var/lib/postgresql:/bin/bash\n'),
};

describe("a host's own values", () => {
  it("reads docker info's machine lines, its ID and the kernel's release as placeholders on both sides", () => {
    const info = (kernel: string, os: string, name: string, id: string, cpus: number, mem: string) =>
      ` Kernel Version: ${kernel}\n Operating System: ${os}\n OSType: linux\n CPUs: ${cpus}\n` +
      ` Total Memory: ${mem}\n Name: ${name}\n ID: ${id}\n Docker Root Dir: /var/lib/docker\n`;
    const [b, uname] = normalizeBlocks(
      ['docker info', 'uname -r'],
      [
        info(
          SIM.kernel,
          'Ubuntu 22.04.3 LTS',
          'host',
          'CWYY:AM63:2X42:B5GJ:DVCW:CQA3:OWMA:ICLG:NZ44:WBBU:ZY3E:OQO3',
          2,
          '23.54GiB',
        ),
        `${SIM.kernel}\n`,
      ],
      [
        info(
          REAL.kernel,
          'Debian GNU/Linux 12 (bookworm)',
          'vm',
          '7CD7:AKJH:MRBA:GI4Q:GODH:FYYL:IIUQ:2MZE:E5Q2:PF24:6YWC:RS5M',
          8,
          '7.6GiB',
        ),
        `${REAL.kernel}\n`,
      ],
      undefined,
      { sim: SIM, real: REAL },
    );
    expect(b!.real).toEqual(b!.sim);
    expect(b!.sim).toEqual([
      ' Kernel Version: <kernel>',
      ' Operating System: <os>',
      ' OSType: linux',
      ' CPUs: <cpus>',
      ' Total Memory: <memory>',
      ' Name: <hostname>',
      ' ID: <daemon-id>',
      ' Docker Root Dir: /var/lib/docker',
    ]);
    expect(uname).toEqual({ line: 'uname -r', sim: ['<kernel>'], real: ['<kernel>'] });
    // The legend names each placeholder shown, the kernel with both sides' releases.
    expect(placeholderLegend([b!, uname!], { sim: SIM.kernel, real: REAL.kernel }).join('\n')).toMatch(
      /<kernel> .*simulator 5\.15\.0-91-generic, real host 6\.1\.0-18-amd64[\s\S]*<daemon-id>/,
    );
  });

  it("sorts docker info's runtimes, which the CLI prints in Go's map order", () => {
    const [b] = normalizeBlocks(
      ['docker info'],
      [' Runtimes: io.containerd.runc.v2 io.containerd.runtime.v1.linux runc\n'],
      [' Runtimes: runc io.containerd.runc.v2 io.containerd.runtime.v1.linux\n'],
    );
    expect(b!.real).toEqual(b!.sim);
    const [other] = normalizeBlocks(['docker info'], [' Runtimes: runc\n'], [' Runtimes: runc crun\n']);
    expect(other!.real).not.toEqual(other!.sim);
  });

  it('leaves what Docker itself decides alone: the docker root, a Name: elsewhere, other kernels', () => {
    const text = ' Docker Root Dir: /var/lib/docker\n  Name: seccomp\nName: x\nLinux 6.8.0 and 5.4.0\n';
    expect(normalizeTranscript(text, undefined, { host: SIM })).toBe(text);
  });

  it('names an owner both hosts name differently <uid:N> in ls -l and tar -tv, and keeps the rest', () => {
    const [tar, ls, cat] = normalizeBlocks(
      ['tar -tvf t', 'ls -l d', 'cat f'],
      [
        'drwxr-xr-x root/root         0 2023-08-14 08:00 var/\ndrwx------ 101/root          0 2023-08-14 08:00 c/\n',
        'total 8\ndrwx------ 2  101 root 4096 Aug 14  2023 c\ndrwxr-xr-x 2 root root 4096 Aug 14  2023 d\n',
        'postgres 101\n',
      ],
      [
        'drwxr-xr-x root/root         0 2023-08-14 08:00 var/\ndrwx------ postgres/root     0 2023-08-14 08:00 c/\n',
        'total 8\ndrwx------ 2 postgres root 4096 Aug 14  2023 c\ndrwxr-xr-x 2 root     root 4096 Aug 14  2023 d\n',
        'postgres 101\n',
      ],
      undefined,
      { sim: SIM, real: REAL },
    );
    expect(tar!.real).toEqual(tar!.sim);
    expect(tar!.sim[1]).toBe('drwx------ <uid:101>/root 0 2023-08-14 08:00 c/');
    expect(ls!.real).toEqual(ls!.sim);
    expect(ls!.sim).toContain('drwx------ 2 <uid:101> root 4096 <date> c');
    expect(cat!.sim).toEqual(['postgres 101']);
    // Another owner altogether is still a difference.
    const [other] = normalizeBlocks(
      ['tar -tvf t'],
      ['drwx------ root/root 0 2023-08-14 08:00 c/\n'],
      ['drwx------ postgres/root 0 2023-08-14 08:00 c/\n'],
      undefined,
      { sim: SIM, real: REAL },
    );
    expect(other!.sim).not.toEqual(other!.real);
  });

  it("the simulator's host values are its own machine's: its kernel and its passwd", () => {
    expect(SIM_HOST.kernel).toBe('5.15.0-91-generic');
    expect(SIM_HOST.owners?.users.get(0)).toBe('root');
    expect(SIM_HOST.owners?.groups.get(999)).toBe('docker');
  });
});

describe('times', () => {
  it('reads how long a container has been up as a time, as how long ago it was made', () => {
    const [b] = normalizeBlocks(
      ['docker ps'],
      [
        'x  3 seconds ago  Up 3 seconds  web\ny  2 hours ago  Up About an hour  db\nz  1 day ago  Exited (0) 5 hours ago  old\n',
      ],
      [
        'x  9 seconds ago  Up 8 seconds  web\ny  3 hours ago  Up 2 hours  db\nz  2 days ago  Exited (0) 7 hours ago  old\n',
      ],
    );
    expect(b!.sim).toEqual(b!.real);
    expect(b!.sim[0]).toBe('x  <ago>  Up <duration>  web');
  });
});

describe('a sorted listing of random ids', () => {
  const a = 'a'.repeat(64);
  const f = 'f'.repeat(64);
  const c = 'c'.repeat(64);
  const d = 'd'.repeat(64);

  it('is compared as a set when both sides printed it sorted', () => {
    const dir = '/var/lib/docker/image/overlay2/imagedb/content/sha256';
    // The base image's id is shared; each side's new image sorts before it on one side, after on the other.
    const [b] = normalizeBlocks(
      ['sha256sum dir/*'],
      [`${a}  ${dir}/${a}\n${c}  ${dir}/${c}\n`],
      [`${c}  ${dir}/${c}\n${f}  ${dir}/${f}\n`],
    );
    expect(b!.real).toEqual(b!.sim);
  });

  it("is compared as a set in a lesson's lines too, where ids both sides print were renamed first", () => {
    const dir = '/var/lib/docker/image/overlay2/imagedb/content/sha256';
    const [b] = compareLessonLines(
      ['sha256sum dir/*'],
      [`${c}  ${dir}/${c}\n${d}  ${dir}/${d}\n`],
      [`${a}  ${dir}/${a}\n${d}  ${dir}/${d}\n`],
      '/data',
    );
    expect(b!.real).toEqual(b!.sim);
  });

  it('keeps the order where a side did not print it sorted, and still shows a real difference', () => {
    expect(sortedListing('b\na\n')).toBe(false);
    expect(sortedListing('only\n')).toBe(false);
    expect(
      sortedListing('total 8\n-rw-r--r-- 1 root root 0 Dec  7 00:40 a\n-rw-r--r-- 1 root root 0 Dec  7 00:40 b\n'),
    ).toBe(true);
    const [unsorted] = normalizeBlocks(['cat list'], [`${c}\n${a}\n`], [`${a}\n${d}\n`]);
    expect(unsorted!.sim).not.toEqual(unsorted!.real);
    const [more] = normalizeBlocks(['ls'], ['x\ny\n'], ['x\ny\nz\n']);
    expect(more!.sim).not.toEqual(more!.real);
  });
});

describe("a report's reasons", () => {
  it('says a repo digest only the simulator has comes of a pull the real host did not make', () => {
    const b = {
      line: 'docker rmi nginx',
      sim: ['Untagged: nginx:latest', 'Untagged: nginx@sha256:<id1>'],
      real: ['Untagged: nginx:latest'],
    };
    const notes = reportNotes([b], { dockerVersion: '20.10.24+dfsg1', kernel: '6.1.0' });
    expect(renderExplained(b, notes)).toMatch(/≠ sim {2}\| Untagged: nginx@sha256:<id1>\n {2}why: .*no registry/);
    // An agreeing block is given no reason.
    const same = { line: 'true', sim: ['x'], real: ['x'] };
    expect(renderExplained(same, notes)).toBe('$ true\n         | x');
  });
});

describe("the learner's daemon.json on the private daemon", () => {
  const tutor = { 'deprecated-key-path': '/d/key.json' };

  it("is what dockerd reads, with the tutor's own keys; no file gives the tutor's alone", () => {
    expect(JSON.parse(learnerConfig('{ "storage-driver": "overlay" }', tutor))).toEqual({
      'storage-driver': 'overlay',
      'deprecated-key-path': '/d/key.json',
    });
    expect(JSON.parse(learnerConfig(null, tutor))).toEqual(tutor);
    expect(driverIn('{"storage-driver":"overlay"}')).toBe('overlay');
    expect(driverIn(null)).toBe('overlay2');
  });

  it('goes to dockerd as written when it is no JSON object, so dockerd refuses it in its own words', () => {
    expect(learnerConfig('{ storage-driver: overlay2 }', tutor)).toBe('{ storage-driver: overlay2 }');
    expect(learnerConfig('["overlay2"]', tutor)).toBe('["overlay2"]');
  });

  it("reads the private daemon's socket as a stock host's", () => {
    const said = 'Cannot connect to the Docker daemon at unix:///tmp/x/d/docker.sock. Is the docker daemon running?\n';
    expect(normalizeTranscript(said, undefined, { host: { socket: '/tmp/x/d/docker.sock' } })).toBe(
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
    );
    // Only where it stands as a path: not inside a longer name beside it.
    const beside = '/tmp/x/d/docker.sock.lock /tmp/x/d/docker.sock2 /tmp/x/d/docker.sock-old\n';
    expect(normalizeTranscript(beside, undefined, { host: { socket: '/tmp/x/d/docker.sock' } })).toBe(beside);
  });
});
