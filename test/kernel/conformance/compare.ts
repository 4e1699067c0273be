// Compares what the model did with what the real kernel did, and explains the first differences.
import { isDeepStrictEqual } from 'node:util';
import type { OpResult, RunResult, Scenario, TreeEntry } from './scenario.js';

function withoutIno(r: OpResult): OpResult {
  if (r.ok && r.value && typeof r.value === 'object' && 'ino' in (r.value as object)) {
    const { ino: _ino, ...rest } = r.value as Record<string, unknown>;
    return { ok: true, value: rest };
  }
  return r;
}

function diffTrees(label: string, model: TreeEntry[], real: TreeEntry[]): string[] {
  const out: string[] = [];
  const m = new Map(model.map((e) => [e.path, e]));
  const r = new Map(real.map((e) => [e.path, e]));
  for (const [path, re] of r) {
    const me = m.get(path);
    if (!me) out.push(`${label}: /${path} exists on the real kernel only: ${JSON.stringify(re)}`);
    else if (!isDeepStrictEqual(me, re))
      out.push(`${label}: /${path}\n    model ${JSON.stringify(me)}\n    real  ${JSON.stringify(re)}`);
  }
  for (const [path, me] of m)
    if (!r.has(path)) out.push(`${label}: /${path} exists in the model only: ${JSON.stringify(me)}`);
  return out;
}

/** Every difference between the two runs, as readable lines; empty when they agree. */
export function differences(scenario: Scenario, model: RunResult, real: RunResult): string[] {
  const out: string[] = [];
  scenario.ops.forEach((op, i) => {
    const a = withoutIno(model.results[i] as OpResult);
    const b = withoutIno(real.results[i] as OpResult);
    if (!isDeepStrictEqual(a, b))
      out.push(`op ${i} ${JSON.stringify(op)}\n    model ${JSON.stringify(a)}\n    real  ${JSON.stringify(b)}`);
  });
  // Inode numbers differ between the two worlds; which stats share a number must not.
  const inos = (r: RunResult): Array<number | undefined> =>
    r.results.map((x) =>
      x.ok && x.value && typeof x.value === 'object' ? (x.value as { ino?: number }).ino : undefined,
    );
  const mi = inos(model);
  const ri = inos(real);
  for (let i = 0; i < mi.length; i++) {
    for (let j = i + 1; j < mi.length; j++) {
      if (mi[i] === undefined || mi[j] === undefined || ri[i] === undefined || ri[j] === undefined) continue;
      if ((mi[i] === mi[j]) !== (ri[i] === ri[j])) {
        out.push(
          `ino: ops ${i} and ${j} ${ri[i] === ri[j] ? 'share' : 'do not share'} an inode on the real kernel, but ${mi[i] === mi[j] ? 'do' : 'do not'} in the model`,
        );
      }
    }
  }
  const ms = model.snapshot;
  const rs = real.snapshot;
  out.push(...diffTrees('merged', ms.merged, rs.merged));
  out.push(...diffTrees('upper', ms.upper, rs.upper));
  out.push(...diffTrees('work', ms.work, rs.work));
  rs.lowersAfter.forEach((after, i) => {
    if (!isDeepStrictEqual(after, rs.lowersBefore[i]))
      out.push(`lower${i}: the real kernel changed a lower layer (test bug)`);
    if (!isDeepStrictEqual(ms.lowersAfter[i], ms.lowersBefore[i]))
      out.push(...diffTrees(`lower${i} (model changed it)`, ms.lowersAfter[i] ?? [], ms.lowersBefore[i] ?? []));
    out.push(...diffTrees(`lower${i} as built`, ms.lowersBefore[i] ?? [], rs.lowersBefore[i] ?? []));
  });
  return out;
}
