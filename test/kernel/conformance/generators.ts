// fast-check generators for conformance scenarios: small name spaces, so that random operations
// keep colliding with what the lower layers hold — that is where overlayfs has rules.
import fc from 'fast-check';
import type { LayerStep, Op, Scenario, Where } from './scenario.js';

const NAMES = ['a', 'b', 'c', 'd'] as const;

/** Paths of depth 1 to 3 over a four-letter alphabet. */
export const pathArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('/'));

/** Paths of depth 1 or 2. */
const shallowArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 2 })
  .map((parts) => parts.join('/'));

const dataArb = fc.constantFrom('x', 'hello\n', 'more data\n', '');
const modeArb = fc.constantFrom(0o755, 0o700, 0o644, 0o600, 0o777, 0o4755);

type LayerItem =
  | { kind: 'dir' | 'opaque' | 'whiteout'; path: string }
  | { kind: 'file'; path: string; data: string; mode: number }
  | { kind: 'symlink'; path: string; target: string }
  | { kind: 'hardlink'; path: string; from: string };

const layerItemArb: fc.Arbitrary<LayerItem> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('file' as const),
      path: pathArb,
      data: dataArb,
      mode: fc.constantFrom(0o644, 0o600, 0o755),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('dir' as const), path: pathArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('symlink' as const),
      path: pathArb,
      target: fc.oneof(pathArb, fc.constant('../a'), fc.constant('nowhere')),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hardlink' as const), path: pathArb, from: pathArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('whiteout' as const), path: pathArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('opaque' as const), path: pathArb }) },
);

/**
 * Turns random items into concrete steps: parents become directories first, and an item whose
 * name (or a parent's name) is already something else is dropped. Pure, so both runners build
 * identical layers from the same plan.
 */
export function planLayer(items: LayerItem[]): LayerStep[] {
  const kinds = new Map<string, LayerStep['kind']>();
  const steps: LayerStep[] = [];
  const ensureDir = (path: string): boolean => {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const p = parts.slice(0, i).join('/');
      const k = kinds.get(p);
      if (k === undefined) {
        kinds.set(p, 'dir');
        steps.push({ kind: 'dir', path: p, mode: 0o755 });
      } else if (k !== 'dir' && k !== 'opaque') {
        return false;
      }
    }
    return true;
  };
  for (const item of items) {
    const parent = item.path.includes('/') ? item.path.slice(0, item.path.lastIndexOf('/')) : '';
    if (parent !== '' && !ensureDir(parent)) continue;
    const existing = kinds.get(item.path);
    if (item.kind === 'dir' || item.kind === 'opaque') {
      if (existing === undefined) {
        kinds.set(item.path, 'dir');
        steps.push({ kind: 'dir', path: item.path, mode: 0o755 });
      } else if (existing !== 'dir') continue;
      if (item.kind === 'opaque' && kinds.get(item.path) === 'dir') {
        kinds.set(item.path, 'opaque');
        steps.push({ kind: 'opaque', path: item.path });
      }
      continue;
    }
    if (existing !== undefined) continue;
    if (item.kind === 'hardlink') {
      if (kinds.get(item.from) !== 'file') continue;
      steps.push({ kind: 'hardlink', path: item.path, from: item.from });
      kinds.set(item.path, 'file');
      continue;
    }
    kinds.set(item.path, item.kind);
    if (item.kind === 'file') steps.push({ kind: 'file', path: item.path, data: item.data, mode: item.mode });
    else if (item.kind === 'symlink') steps.push({ kind: 'symlink', path: item.path, target: item.target });
    else steps.push({ kind: 'whiteout', path: item.path });
  }
  return steps;
}

const whereArb = fc.constantFrom<Where>('merged', 'merged', 'merged', 'upper', 'lower0', 'lower1');

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('write' as const),
      path: pathArb,
      data: dataArb,
      how: fc.constantFrom('trunc' as const, 'append' as const, 'excl' as const, 'inplace' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('open' as const), path: pathArb }) },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('mkdir' as const), path: pathArb, mode: fc.constantFrom(0o755, 0o700) }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('rmdir' as const), path: pathArb }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('unlink' as const), path: pathArb }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('rename' as const), from: pathArb, to: pathArb }) },
  // Directories near the root, which the lowers hold most often: renames of lower directories
  // (EXDEV, or a redirect with redirect_dir=on) and of directories renamed before.
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rename' as const), from: shallowArb, to: pathArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('symlink' as const), target: pathArb, path: pathArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('link' as const), from: pathArb, to: pathArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('chmod' as const), path: pathArb, mode: modeArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('chown' as const), path: pathArb, uid: fc.constantFrom(0, 1000) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('truncate' as const), path: pathArb, length: fc.constantFrom(0, 2) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('mknod' as const),
      path: pathArb,
      node: fc.constantFrom('whiteout' as const, 'null' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('setxattr' as const), path: pathArb, value: fc.constantFrom('1', 'two') }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('stat' as const), path: pathArb, where: whereArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('read' as const), path: pathArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('readdir' as const), path: fc.oneof(pathArb, fc.constant('')) }),
  },
);

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    lowers: fc.array(fc.array(layerItemArb, { maxLength: 10 }).map(planLayer), { minLength: 1, maxLength: 3 }),
    ops: fc.array(opArb, { minLength: 1, maxLength: 30 }),
    // One scenario in three mounts with redirect_dir=on; the rest as Docker mounts (EXDEV).
    redirectDir: fc.constantFrom(false, false, true),
  })
  .map(({ redirectDir, ...s }) => (redirectDir ? { ...s, redirectDir } : s));
