// Replay's comparison, without a real host: normalising both sides, marking what differs, counting.
import { describe, expect, it } from 'vitest';
import { agreementOf, normalizeBlocks, realCopyInProblem, renderBlock, writeReport } from '../../src/real/replay.js';
import { servedPull } from '../../src/real/replay-lines.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);

describe('replay comparison', () => {
  it('an id on both sides keeps one name even when only one side printed another id first', () => {
    const blocks = normalizeBlocks(
      ['docker pull x', 'docker inspect x'],
      [`Digest: sha256:${C}\n`, `sha256:${A} ${A.slice(0, 12)}\n`],
      ['Error: no registry\n', `sha256:${A} ${A.slice(0, 12)}\n`],
    );
    expect(blocks[1]!.sim).toEqual(['sha256:<same1> <same1:short>']);
    expect(blocks[1]!.real).toEqual(blocks[1]!.sim);
    expect(blocks[0]!.sim).toEqual(['Digest: sha256:<id1>']);
  });

  it('random ids on each side are numbered by first appearance, and the data-root reads as /var/lib/docker', () => {
    const [b] = normalizeBlocks(
      ['ls'],
      [`/var/lib/docker/overlay2/${B}/diff\n`],
      [`/srv/d/data/overlay2/${C}/diff\n`],
      '/srv/d/data',
    );
    expect(b!.sim).toEqual(b!.real);
  });

  it("compares docker diff's lines as a set (Go's map order changes each run), other output in order", () => {
    const [diff, ls, piped] = normalizeBlocks(
      ['docker diff web', 'ls', 'docker diff web | head -1'],
      ['C /etc\nC /run\nA /run/nginx.pid\n', 'a\nb\n', 'C /etc\n'],
      ['C /run\nA /run/nginx.pid\nC /etc\n', 'b\na\n', 'C /run\n'],
    );
    expect(diff!.sim).toEqual(diff!.real);
    expect(ls!.sim).not.toEqual(ls!.real);
    expect(piped!.sim).not.toEqual(piped!.real);
    expect(normalizeBlocks(['docker container diff web'], ['A /x\n'], ['A /y\n'])[0]!.sim).toEqual(['A /x']);
  });

  it('marks differing lines on each side and counts agreement over the aligned lines', () => {
    const blocks = [
      { line: 'echo same', sim: ['same'], real: ['same'] },
      { line: 'hostname', sim: ['host', 'x'], real: ['vm', 'x'] },
      { line: 'true', sim: [], real: [] },
    ];
    expect(renderBlock(blocks[1]!).text).toBe('$ hostname\n  ≠ sim  | host\n  ≠ real | vm\n         | x');
    expect(agreementOf(blocks)).toEqual({ agree: 2, total: 4, commandsAgree: 2, commands: 3 });
  });

  it('a pull the stand-in served is shown, not compared, and says why; one it did not serve is compared', () => {
    const note = "(no registry here: nginx:latest is loaded from the simulator's archive of it)\n";
    expect(servedPull('docker pull nginx', `${note}Loaded image: nginx:latest\n`)).toBe(
      "no registry here: nginx:latest is loaded from the simulator's archive of it",
    );
    expect(servedPull('  docker image pull nginx', note)).toMatch(/^no registry here/);
    // No note: the stand-in did not serve it (not a tutorial image), so both sides are compared.
    expect(
      servedPull('docker pull redis', 'Error response from daemon: Get "https://registry-1.docker.io/v2/"\n'),
    ).toBe(undefined);
    expect(servedPull('echo docker pull nginx', note)).toBe(undefined);
    const blocks = [
      { line: 'docker pull nginx', sim: ['Using default tag: latest'], real: [], notCompared: 'no registry here: x' },
      { line: 'echo same', sim: ['same'], real: ['same'] },
    ];
    expect(agreementOf(blocks)).toEqual({ agree: 1, total: 1, commandsAgree: 1, commands: 1 });
    let report = '';
    expect(writeReport(blocks, (s) => (report += s))).toBe(0);
    expect(report).toContain('$ docker pull nginx\n  not compared: no registry here: x\n$ echo same\n');
    expect(report).toMatch(
      /1\/1 commands agree\n1 command not compared \(a pull: no registry here\)\n1\/1 lines agree\n$/,
    );
  });

  it('copies files in on the real side only under /tmp or /root', () => {
    expect(realCopyInProblem('/tmp/layered.tar')).toBeUndefined();
    expect(realCopyInProblem('/root/x')).toBeUndefined();
    expect(realCopyInProblem('/etc/passwd')).toMatch(/under \/tmp or \/root only/);
    expect(realCopyInProblem('/tmp/../etc/passwd')).toMatch(/only/);
  });
});
