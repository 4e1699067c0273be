// Predict, then verify, without a real host: two sides of a line aligned row by row (what both
// printed on one row, what only one side printed marked), normalised together (ids, the private
// data-root), counted, and the reasons the tutor knows for a difference — given where they apply
// and not where they do not.
import { describe, expect, it } from 'vitest';
import { normalizeTranscript } from '../../src/real/normalize.js';
import { compareViewRows } from '../../src/ui/compare-view.js';
import {
  alignRows,
  changeLines,
  compareLine,
  type HostFacts,
  knownReasons,
  type LineRecord,
  SIMULATED,
} from '../../src/real/compare.js';
import { STRINGS } from '../../src/i18n/index.js';
import { namedInLine, upperEvents } from '../../src/ui/real-focus.js';

/** The reasons as the screen words them, in English. */
const said = (...a: Parameters<typeof knownReasons>) => knownReasons(...a).map(STRINGS.en.compare.reason);

const FACTS: HostFacts = { dockerVersion: '20.10.24+dfsg1', kernel: '6.1.0-18-amd64', storage: 'overlay2' };
const ID_A = 'a'.repeat(64);
const ID_B = 'b'.repeat(64);

const record = (sim: Partial<LineRecord['sim']>, real: Partial<LineRecord['real']>, container?: string) => ({
  line: 'docker run -d --name web nginx',
  container,
  sim: { output: '', exitCode: 0, upper: [], ...sim },
  real: { output: '', exitCode: 0, upper: [], ...real },
});

describe('alignRows', () => {
  it('puts a line both sides printed on one row, unmarked, and pairs the lines only one side printed', () => {
    const rows = alignRows(['a', 'x', 'b', 'c'], ['a', 'y', 'z', 'b']);
    expect(rows).toEqual([
      { sim: 'a', real: 'a', differs: false },
      { sim: 'x', real: 'y', differs: true },
      { real: 'z', differs: true },
      { sim: 'b', real: 'b', differs: false },
      { sim: 'c', differs: true },
    ]);
  });

  it('marks nothing when both sides printed the same', () => {
    expect(alignRows(['1', '2'], ['1', '2']).every((r) => !r.differs)).toBe(true);
    expect(alignRows([], [])).toEqual([]);
  });
});

describe('compareLine', () => {
  it('numbers ids by first appearance on each side, so a container id printed by both agrees', () => {
    const c = compareLine(record({ output: `${ID_A}\n` }, { output: `${ID_B}\n` }), FACTS);
    expect(c.sections[0]).toEqual({ title: 'output', rows: [{ sim: '<id1>', real: '<id1>', differs: false }] });
    expect([c.agree, c.total]).toEqual([1, 1]);
    expect(c.reasons).toEqual([]);
  });

  it("takes docker diff's lines as a set (Go's map order differs each run), the upper dir's in order", () => {
    const c = compareLine(
      record(
        { diff: ['C /etc', 'A /etc/x', 'C /run'], upper: ['etc/', 'run/'] },
        { diff: ['C /run', 'C /etc', 'A /etc/x'], upper: ['run/', 'etc/'] },
        'web',
      ),
      FACTS,
    );
    const section = (t: string) => c.sections.find((s) => s.title === t)?.rows ?? [];
    expect(section('diff').every((r) => !r.differs)).toBe(true);
    expect(section('upper').some((r) => r.differs)).toBe(true);
    const printed = compareLine(
      { ...record({ output: 'C /etc\nC /run\n' }, { output: 'C /run\nC /etc\n' }), line: 'docker diff web' },
      FACTS,
    );
    expect(printed.agree).toBe(printed.total);
  });

  it('reads the private data-root as /var/lib/docker on the real side', () => {
    const c = compareLine(
      record({ output: '/var/lib/docker/overlay2\n' }, { output: '/srv/tutor/data/overlay2\n' }),
      FACTS,
      '/srv/tutor/data',
    );
    expect(c.sections[0]?.rows).toEqual([
      { sim: '/var/lib/docker/overlay2', real: '/var/lib/docker/overlay2', differs: false },
    ]);
  });

  it('reads the data-root as /var/lib/docker only where it stands as a path, not in a line with its characters', () => {
    const root = '/srv/tutor/data';
    const t = (text: string) => normalizeTranscript(text, root);
    // As a path: before a `/`, the end, a space, a quote, `:`, a full stop; tar's and getfattr's relative form.
    expect(t(`${root}/overlay2\nDocker Root Dir: ${root}\nlowerdir=${root}/l/A:${root}/l/B\n`)).toBe(
      '/var/lib/docker/overlay2\nDocker Root Dir: /var/lib/docker\nlowerdir=/var/lib/docker/l/A:/var/lib/docker/l/B\n',
    );
    expect(t(`"${root}" is under ${root}.\n# file: srv/tutor/data/overlay2/x\n`)).toBe(
      '"/var/lib/docker" is under /var/lib/docker.\n# file: var/lib/docker/overlay2/x\n',
    );
    // The same characters inside another path or name are left as printed.
    const others = `${root}2/x\n/home${root}/x\n${root}.old\n${root}-backup\nbackup-srv/tutor/data\nmy/srv/tutor/data\n`;
    expect(t(others)).toBe(others);
  });

  it("drops the CLI's racy wait-cancelled line after a failed `docker run`, and keeps it elsewhere", () => {
    const wait = 'time="2026-12-07T10:00:00Z" level=error msg="error waiting for container: context canceled"';
    const err = 'docker: Error response from daemon: unable to find user nobody: no matching entries in passwd file.';
    const withLine = `$ docker run --rm -u nobody img id\n${err}\n${wait}\n$ echo $?\n125\n`;
    const without = `$ docker run --rm -u nobody img id\n${err}\n$ echo $?\n125\n`;
    expect(normalizeTranscript(withLine)).toBe(normalizeTranscript(without));
    // Without --rm the CLI may exit before its goroutine logs: the same race.
    const plain = `$ docker run -u nobody img id\n${err}\n${wait}\n`;
    expect(normalizeTranscript(plain)).toBe(normalizeTranscript(`$ docker run -u nobody img id\n${err}\n`));
    // Only after such a command: the same text after another command stays.
    expect(normalizeTranscript(`$ docker run img true\n$ cat log\n${wait}\n`)).toContain('error waiting');
  });

  it('compares the upper dir and docker diff of the container in focus, each in its section', () => {
    const c = compareLine(
      record(
        { upper: ['  etc/', '~ etc/hosts'], diff: ['C /etc', 'C /etc/hosts'], exitCode: 0 },
        { upper: ['  etc/', '~ etc/hosts', '+ etc/new'], diff: ['C /etc', 'C /etc/hosts', 'A /etc/new'], exitCode: 1 },
        'web',
      ),
      FACTS,
    );
    expect(c.sections.map((s) => s.title)).toEqual(['output', 'upper', 'diff']);
    expect(c.sections[1]?.rows.filter((r) => r.differs)).toEqual([{ real: '+ etc/new', differs: true }]);
    expect(c.sections[2]?.rows.filter((r) => r.differs)).toEqual([{ real: 'A /etc/new', differs: true }]);
    expect([c.agree, c.total]).toEqual([4, 6]);
    expect(c.exitCodes).toEqual({ sim: 0, real: 1 });
    expect(c.container).toBe('web');
  });

  it('has no docker diff section when neither side has the container', () => {
    expect(compareLine(record({}, {}, 'web'), FACTS).sections.map((s) => s.title)).toEqual(['output', 'upper']);
  });

  it('has no upper/ section with nothing in focus, and the hand-made overlay’s upper on both sides when it is', () => {
    expect(compareLine(record({}, {}), FACTS).sections.map((s) => s.title)).toEqual(['output']);
    const c = compareLine(
      {
        ...record({ upper: ['~ file', 'x gone (c 0,0)'] }, { upper: ['~ file', 'x gone (c 0,0)'] }),
        line: 'rm /tmp/lab/merged/gone',
        mount: '/tmp/lab/merged',
      },
      { ...FACTS, dockerVersion: '' },
    );
    expect(c.sections.map((s) => s.title)).toEqual(['output', 'upper']);
    expect(c.sections[1]?.rows).toEqual([
      { sim: '~ file', real: '~ file', differs: false },
      { sim: 'x gone (c 0,0)', real: 'x gone (c 0,0)', differs: false },
    ]);
    expect(c.mount).toBe('/tmp/lab/merged');
    expect(compareViewRows(c, 76, STRINGS.en)).toContain(
      '  ── upper/ of the overlay on /tmp/lab/merged after the line',
    );
    expect(compareViewRows(c, 76, STRINGS.en).join('\n')).not.toMatch(/no container/);
  });

  it("gives the simulator's kernel events along, not compared", () => {
    const c = compareLine(record({ events: ['~ copy-up /etc/hosts: …'] }, {}), FACTS);
    expect(c.events).toEqual(['~ copy-up /etc/hosts: …']);
    expect(c.total).toBe(0);
  });
});

describe('knownReasons', () => {
  const differing = (sim: string | undefined, real: string | undefined) => [{ sim, real, differs: true }];

  it('says nothing when the sides agree, whatever the host', () => {
    expect(said([{ sim: 'a', real: 'a', differs: false }], { ...FACTS, dockerVersion: '27.1.1' })).toEqual([]);
  });

  it('names an image whose programs cannot run here, from the output or from the container log', () => {
    const why = /stand-in files/;
    expect(said(differing(undefined, 'exec /bin/sh: exec format error'), FACTS).join()).toMatch(why);
    expect(
      said(differing('Up 2 seconds', 'Exited (1)'), FACTS, 'exec /docker-entrypoint.sh: exec format error').join(),
    ).toMatch(why);
    // Not for a container that failed for another reason.
    expect(said(differing('Up 2 seconds', 'Exited (1)'), FACTS, 'nginx: [emerg] bind() failed').join()).not.toMatch(
      why,
    );
  });

  it('names a missing registry, a machine’s own numbers and the systemctl stand-in', () => {
    expect(
      said(
        differing('Status: Image is up to date', 'dial tcp: lookup registry-1.docker.io: no such host'),
        FACTS,
      ).join(),
    ).toMatch(/no registry/);
    expect(said(differing('overlay 61255492 1024 58080', 'overlay 102687672 9932 87497'), FACTS).join()).toMatch(
      /numbers that depend/,
    );
    expect(said(differing('total 4', 'total four'), FACTS).join()).not.toMatch(/numbers that depend/);
    expect(
      said(differing('', "systemctl: not run on the real host: the tutor's private dockerd"), FACTS).join(),
    ).toMatch(/no systemd service/);
  });

  it('is worded in Chinese too', () => {
    const zh = knownReasons([{ sim: 'a', real: 'b', differs: true }], { ...FACTS, dockerVersion: '27.1.1' }).map(
      STRINGS['zh-CN'].compare.reason,
    );
    expect(zh).toEqual(['Docker 版本不同：模拟器模拟的是 20.10.24，这个守护进程是 27.1.1']);
  });

  it('names another kernel, another Docker version, the containerd store and a rootless daemon', () => {
    // A twin made on another release (every twin the tutor makes runs the real host's: no such reason).
    const elsewhere = { ...FACTS, twinKernel: SIMULATED.kernel };
    expect(said(differing(SIMULATED.kernel, FACTS.kernel), elsewhere).join()).toMatch(
      /another kernel.*6\.1\.0-18-amd64/,
    );
    expect(said(differing(`x ${FACTS.kernel}`, `y ${FACTS.kernel}`), FACTS).join()).not.toMatch(/another kernel/);
    const other = { dockerVersion: '27.1.1', kernel: '6.8.0', storage: 'containerd', rootless: true };
    const all = said(differing('a', 'b'), other).join('\n');
    expect(all).toMatch(/another Docker version: the simulator models 20\.10\.24, this daemon is 27\.1\.1/);
    expect(all).toMatch(/containerd image store/);
    expect(all).toMatch(/rootless/);
    // A 20.10 daemon with overlay2, as root: none of these.
    expect(said(differing('a', 'b'), FACTS)).toEqual([]);
  });

  it('names the legacy overlay driver, in both languages, and only where the daemon runs it', () => {
    const legacy = { ...FACTS, storage: 'overlay' };
    expect(said(differing('lowerdir=/l/A', 'lowerdir=/x/root'), legacy).join()).toMatch(/legacy overlay driver/);
    expect(knownReasons(differing('a', 'b'), legacy).map(STRINGS['zh-CN'].compare.reason).join()).toMatch(
      /旧的 overlay/,
    );
    expect(said([{ sim: 'a', real: 'a', differs: false }], legacy)).toEqual([]);
  });

  it('names a repo digest only the simulator has: the real host loaded the image, pulled nothing', () => {
    expect(said(differing('Untagged: nginx@sha256:<id1>', undefined), FACTS).join()).toMatch(/no registry/);
    expect(said(differing('Untagged: nginx@sha256:<id1>', 'Untagged: nginx@sha256:<id1> x'), FACTS)).toEqual([]);
  });
});

describe('the upper dir between two lines', () => {
  it('lists what came or changed, then what went', () => {
    expect(changeLines(['  dir etc', '~ file etc/hosts'], ['  dir etc', 'x whiteout etc/motd', '+ file new'])).toEqual([
      'x whiteout etc/motd',
      '+ file new',
      '- etc/hosts',
    ]);
  });

  it('says each change in words for the events pane', () => {
    expect(upperEvents([], ['~ file etc/hosts', 'x whiteout bin/busybox', 'o dir data', '+ dir new'])).toEqual([
      '~ etc/hosts: copied up (or changed)',
      'x bin/busybox: whiteout',
      'o data/: opaque dir',
      '+ new/: new in upper/',
    ]);
    expect(upperEvents(['+ file a'], [])).toEqual(['- a: gone from upper/']);
  });
});

describe('namedInLine', () => {
  it('finds the container a line names and the image it pulls or tags', () => {
    expect(namedInLine('docker run -d --name web nginx')).toEqual({ container: 'web' });
    expect(namedInLine('docker exec -it web sh -c "echo x > /y"')).toEqual({ container: 'web' });
    expect(namedInLine('docker container stop web')).toEqual({ container: 'web' });
    expect(namedInLine('docker pull -q alpine:latest')).toEqual({ image: 'alpine:latest' });
    expect(namedInLine('docker tag nginx mine:1')).toEqual({ image: 'mine:1' });
    expect(namedInLine('docker commit web snap:1')).toEqual({ image: 'snap:1' });
    expect(namedInLine('ls /var/lib/docker')).toEqual({});
  });
});
