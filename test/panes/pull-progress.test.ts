// The pull the screen plays: docker's terminal rendering of per-layer progress (moby's
// pkg/jsonmessage), paced so that a pull takes a second or two.
import { describe, expect, it } from 'vitest';
import { planPull, progressBox, pullLinesAt, pullScreenAt } from '../../src/panes/pull-progress.js';

const layers = [
  { id: 'aaaaaaaaaaaa', status: 'Already exists', size: 2_000_000 },
  { id: 'bbbbbbbbbbbb', status: 'Pull complete', size: 27_000_000 },
  { id: 'cccccccccccc', status: 'Pull complete', size: 600 },
  { id: 'dddddddddddd', status: 'Pull complete', size: 1_500 },
  { id: 'eeeeeeeeeeee', status: 'Pull complete', size: 900 },
];

describe('the progress box', () => {
  it('is counts only on a terminal of 110 columns or fewer, as jsonmessage draws it', () => {
    expect(progressBox(3_146_000, 31_370_000, 80)).toBe(' 3.146MB/31.37MB');
    expect(progressBox(512, 1_500, 110)).toBe('    512B/1.5kB');
  });
  it('has a 50-column bar wider than that', () => {
    // 10.03 % of the way: int(10.03) / 2 = 5 columns of '=', as jsonmessage rounds.
    expect(progressBox(3_146_000, 31_370_000, 111)).toBe(`[=====>${' '.repeat(45)}]  3.146MB/31.37MB`);
    expect(progressBox(31_370_000, 31_370_000, 200)).toBe(`[${'='.repeat(50)}>]  31.37MB/31.37MB`);
  });
});

describe('a planned pull', () => {
  const plan = planPull(layers, { totalMs: 1000 });
  it('downloads three layers at a time and extracts them in order, each once its download is in', () => {
    const fresh = plan.layers.filter((l) => !l.exists);
    expect(fresh.filter((l) => l.downloadStart === fresh[0]!.downloadStart)).toHaveLength(3);
    expect(fresh[3]?.downloadStart).toBeGreaterThan(fresh[0]!.downloadStart);
    for (let i = 0; i < fresh.length; i++) {
      const l = fresh[i]!;
      expect(l.extractStart).toBeGreaterThan(l.downloadEnd);
      if (i > 0) expect(l.extractStart).toBeGreaterThanOrEqual(fresh[i - 1]!.extractEnd);
    }
    expect(plan.end).toBe(fresh[fresh.length - 1]!.extractEnd);
    expect(plan.end).toBeLessThan(2000);
  });

  it("goes through docker's statuses for each layer, ending in Pull complete", () => {
    const seen = new Map<string, string[]>();
    for (let t = 0; t <= plan.end + 1; t += 5) {
      for (const line of pullLinesAt(plan, t, 80)) {
        const [id, status] = line.split(': ') as [string, string];
        const word = status.replace(/ +[\d.]+[kM]?B\/.*$/, '');
        const list = seen.get(id) ?? [];
        if (list[list.length - 1] !== word) list.push(word);
        seen.set(id, list);
      }
    }
    expect(seen.get('aaaaaaaaaaaa')).toEqual(['Already exists']);
    expect(seen.get('bbbbbbbbbbbb')).toEqual([
      'Pulling fs layer',
      'Downloading',
      'Verifying Checksum',
      'Download complete',
      'Extracting',
      'Pull complete',
    ]);
    expect(seen.get('eeeeeeeeeeee')?.slice(0, 3)).toEqual(['Pulling fs layer', 'Waiting', 'Downloading']);
  });

  it('shows what docker printed before the layers, then the layers as they are, and holds back Digest and Status', () => {
    const printed = [
      'Using default tag: latest',
      'latest: Pulling from library/nginx',
      ...layers.map((l) => `${l.id}: ${l.status}`),
      'Digest: sha256:00',
      'Status: Downloaded newer image for nginx:latest',
      '',
    ].join('\n');
    const screen = pullScreenAt(printed, plan, 10, 80);
    expect(screen.slice(0, 2)).toEqual(['Using default tag: latest', 'latest: Pulling from library/nginx']);
    expect(screen.slice(2)).toEqual(pullLinesAt(plan, 10, 80));
    expect(screen.join('\n')).not.toContain('Digest');
  });
});
