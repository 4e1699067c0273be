// Presentational panes: each draws a slice of the PaneModel in a fixed rectangle. Marks are
// glyphs first (+ ~ x o, * for the last command's effects) and colours second, so NO_COLOR and
// TERM=dumb lose nothing. A pane's lines are wrapped at spaces (a 64-hex digest is never split),
// and a pane in focus scrolls (↑/↓/PgUp/PgDn); its title says how much lies above and below.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { humanSize } from '../docker/go-units.js';
import type { Strings } from '../i18n/index.js';
import type { Mark, PaneModel, TreeRow } from '../panes/model.js';
import { toAscii } from './glyphs.js';
import { fitChars, textWidth } from './text-width.js';

export type PaneKind = 'upper' | 'merged' | 'work' | 'layers' | 'chain' | 'events';
export const PANE_ORDER: PaneKind[] = ['upper', 'layers', 'merged', 'events', 'chain', 'work'];

const MARK_COLOR: Record<Mark, string | undefined> = {
  '+': 'green',
  '~': 'yellow',
  x: 'red',
  o: 'magenta',
  ' ': undefined,
};

/** `s` cut to `width` columns, an ellipsis marking the cut. */
export function clip(s: string, width: number): string {
  if (textWidth(s) <= width) return s;
  const chars = [...s];
  return `${chars.slice(0, fitChars(chars, Math.max(1, width - 1))).join('')}…`;
}

/** `text` in rows of at most `width` columns, broken at spaces; a word longer than a row (a path,
 * a digest on a very narrow pane) is cut; continuation rows start with `indent`. */
export function wrapWords(text: string, width: number, indent = ''): string[] {
  const rows: string[] = [];
  let row = '';
  const room = () => width - (rows.length ? textWidth(indent) : 0);
  for (const word of text.split(/(?<= )/)) {
    if (textWidth(row + word.trimEnd()) <= room()) {
      row += word;
      continue;
    }
    if (row.trim()) {
      rows.push(row.trimEnd());
      row = '';
    }
    let rest = word;
    while (textWidth(rest.trimEnd()) > room()) {
      const chars = [...rest];
      const n = fitChars(chars, Math.max(1, room()));
      rows.push(chars.slice(0, n).join(''));
      rest = chars.slice(n).join('');
    }
    row = rest;
  }
  if (row.trim() || rows.length === 0) rows.push(row.trimEnd());
  return rows.map((r, i) => (i === 0 ? r : indent + r));
}

/** Replaces every value a step asks for (whole, or as a 12-hex short id) with a mask. */
export function maskSecrets(text: string, secrets: string[], label: string): string {
  let out = text;
  for (const secret of secrets) {
    const bare = secret.replace(/^sha256:/, '');
    if (bare.length < 12) continue;
    const forms = /^[0-9a-f]+$/.test(bare) ? [`sha256:${bare}`, bare, bare.slice(0, 19), bare.slice(0, 12)] : [bare];
    for (const f of forms) out = out.split(f).join(f.startsWith('sha256:') ? `sha256:?? (${label})` : `?? (${label})`);
  }
  return out;
}

interface Line {
  key: string;
  text: string;
  color?: string | undefined;
  bold?: boolean;
}

/** The lines that fit: from where the pane would show itself (the first row the last command
 * touched, or the top), moved by `scroll`; and how many lie above and below. */
/** An upper dir under the data-root, its 64-hex id cut to 12: `overlay2/0123456789ab…/diff` (a real
 * host's private data-root is where its bash sees /var/lib/docker). */
const shortUpperDir = (dir: string, dataRoot: string): string =>
  (dir.startsWith(`${dataRoot}/`) ? dir.slice(dataRoot.length + 1) : dir)
    .replace(/^\/var\/lib\/docker\//, '')
    .replace(/([0-9a-f]{12})[0-9a-f]{52}/, '$1…');

function windowLines(lines: Line[], height: number, start: number, scroll: number) {
  const max = Math.max(0, lines.length - height);
  const first = Math.max(0, Math.min(max, start + scroll));
  return { shown: lines.slice(first, first + height), above: first, below: Math.max(0, lines.length - first - height) };
}

type Mask = (text: string) => string;

function treeLines(rows: TreeRow[], width: number, mask: Mask): { lines: Line[]; start: number } {
  const lines = rows.map((r) => {
    const suffix = r.type === 'dir' ? '/' : r.type === 'symlink' ? '@' : r.type === 'whiteout' ? ' (c 0,0)' : '';
    return {
      key: r.path,
      text: clip(mask(`${r.recent ? '*' : ' '}${r.mark} ${'  '.repeat(r.depth)}${r.name}${suffix}`), width),
      color: MARK_COLOR[r.mark],
      bold: r.recent,
    };
  });
  const firstRecent = rows.findIndex((r) => r.recent);
  return { lines, start: firstRecent < 0 ? 0 : Math.max(0, firstRecent - 2) };
}

function layerLines(model: PaneModel, width: number, s: Strings, mask: Mask): Line[] {
  const layers = model.layers;
  const max = Math.max(1, ...layers.map((l) => l.size));
  const barWidth = width < 60 ? 3 : Math.min(12, Math.floor(width / 8));
  // The l/ link id ties the stack to `ls -l overlay2/l` and each layer's `lower` file: whole
  // when there is room, its head otherwise (enough to tell the layers apart).
  const linkLen = width >= 70 ? 26 : width >= 50 ? 10 : width >= 40 ? 4 : 0;
  const linkWidth = linkLen ? 2 + linkLen + (linkLen < 26 ? 1 : 0) + 1 : 0;
  const pad = (t: string, n: number) => t + ' '.repeat(Math.max(0, n - textWidth(t)));
  const h = s.layerHead;
  // Which id is which: the cache-id names the layer's overlay2/ directory, l/ its short link.
  const header =
    ` # ${pad(h.cache, 13)}` +
    `${linkLen ? pad(h.link, linkWidth) : ''}` +
    `${' '.repeat(Math.max(0, 6 - textWidth(h.size)))}${h.size} ` +
    `${' '.repeat(barWidth)} ${h.made}`;
  const rows: Line[] = [{ key: 'header', text: clip(header, width), bold: true }];
  let masked = false;
  for (const l of layers) {
    const bar = '█'.repeat(Math.max(l.size > 0 ? 1 : 0, Math.round((l.size / max) * barWidth))).padEnd(barWidth, '·');
    const link = l.link && linkLen ? `l/${l.link.length > linkLen ? `${l.link.slice(0, linkLen)}…` : l.link} ` : '';
    // An id the step asks for keeps its column's width (the label would push the row apart);
    // one footnote under the table says what the question marks are.
    const id = l.cacheId.slice(0, 12);
    const hidden = mask(id) !== id;
    masked ||= hidden;
    const head =
      `${String(l.index).padStart(2)} ${hidden ? '?'.repeat(12) : id} ` +
      `${link}${humanSize(l.size, 3).padStart(6)} ${bar} `;
    rows.push({
      key: l.cacheId,
      text: clip(head + mask(l.createdBy.replace(/^\/bin\/sh -c (#\(nop\) +)?/, '')), width),
    });
  }
  if (masked) rows.push({ key: 'asked', text: clip(`   ???: ${s.asked}`, width) });
  return rows;
}

function chainLines(
  model: PaneModel,
  revealed: number,
  width: number,
  s: Strings,
  mask: Mask,
): { lines: Line[]; start: number } {
  // Digests and the hashed string are shown whole (the learner retypes them into sha256sum),
  // wrapped at spaces onto as many rows as the pane's width needs.
  const lines: Line[] = [];
  const push = (key: string, text: string, color?: string): void => {
    wrapWords(mask(text), width, '    ').forEach((t, n) => {
      lines.push({ key: `${key}.${n}`, text: t, color });
    });
  };
  const chain = model.chain;
  // Steps already seen shrink to one line each; the step just revealed is shown in full.
  for (const c of chain.slice(0, Math.max(0, revealed - 1)))
    push(
      `${c.index}s`,
      `L${c.index} ChainID ${c.chainId.slice(0, 19)}… ${c.verified ? '✓' : '✗'}`,
      c.verified ? 'green' : 'red',
    );
  // The pane opens on the step just revealed, the one above it in view.
  const start = Math.max(0, lines.length - 1);
  for (const c of chain.slice(Math.max(0, revealed - 1), revealed)) {
    // From the second layer on, the DiffID is the second half of the string hashed.
    if (c.hashed === null) {
      push(`${c.index}d`, `L${c.index} DiffID ${c.diffId}`);
      push(`${c.index}b`, `  ${s.chainBase}`);
    } else push(`${c.index}h`, `L${c.index} ${s.hashes}: "${c.hashed}"`, 'cyan');
    push(`${c.index}c`, `  = ChainID ${c.chainId}`, 'yellow');
    push(
      `${c.index}l`,
      `  ${s.leadsTo} layerdb/sha256/${c.chainId.slice(7, 19)}` +
        `…/cache-id → ${model.driver}/` +
        `${(c.cacheId ?? '?').slice(0, 12)}… ` +
        `${c.verified ? `✓ ${s.verified}` : `✗ ${s.notVerified}`}`,
      c.verified ? 'green' : 'red',
    );
  }
  if (revealed < chain.length) lines.push({ key: 'hint', text: `(${revealed}/${chain.length}) ${s.chainHint}` });
  return { lines, start };
}

export interface PaneProps {
  kind: PaneKind;
  model: PaneModel;
  log: string[];
  chainRevealed: number;
  width: number;
  height: number;
  focused: boolean;
  /** Rows the pane is scrolled by (in focus). */
  scroll: number;
  /** Values the open step asks for, masked wherever they would show. */
  secrets: string[];
  /** What to do first while nothing is in focus, worded for where the learner is. */
  noFocus: string;
  ascii: boolean;
  s: Strings;
}

/** One pane by kind, inside a frame of the given size (two rows for the border, one for the title).
 * Memoised: a command's first render (its echo) leaves the panes as they were. */
export const Pane = memo(function Pane(p: PaneProps) {
  const { kind, model, log, chainRevealed, width, height, focused, scroll, secrets, noFocus, ascii, s } = p;
  const inner = Math.max(1, height - 3);
  const w = Math.max(10, width - 2);
  const hand = model.focus?.kind === 'mount' ? model.focus : undefined;
  const noContainer = model.focus?.kind !== 'container' && !hand;
  // No container: one of the image in focus to run, else what to do first where the learner is.
  const idle = model.focus ? s.noContainer(model.layersOf) : noFocus;
  // An overlay made by hand names its own dirs (a container's are Docker's, under the data-root).
  const dirTitle = (name: string, dir: string | undefined) => (hand && dir ? `${name}  ${dir}` : name);
  const mask: Mask = (t) => (secrets.length ? maskSecrets(t, secrets, s.asked) : t);
  let title: string;
  let empty: string | undefined;
  let lines: Line[] = [];
  let start = 0;
  switch (kind) {
    case 'upper':
      // Docker calls a layer's upper dir diff/; one made by hand is just upper.
      title = hand
        ? dirTitle('upper', model.upperDir)
        : model.upperDir
          ? `${s.upper}  ${shortUpperDir(model.upperDir, model.dataRoot)}`
          : s.upper;
      if (noContainer) empty = idle;
      else if (hand?.readOnly) empty = s.readOnlyMount;
      else if (model.upper.length === 0) empty = s.empty;
      else ({ lines, start } = treeLines(model.upper, w, mask));
      break;
    case 'merged':
      title = dirTitle(s.merged, model.mergedDir);
      if (noContainer) empty = idle;
      else if (hand && !hand.mounted) empty = s.mountGone;
      else if (model.merged.length === 0) empty = hand ? s.empty : s.notMounted;
      else ({ lines, start } = treeLines(model.merged, w, mask));
      break;
    case 'work':
      title = dirTitle(s.work, model.workDir);
      if (noContainer) empty = idle;
      else if (hand?.readOnly) empty = s.readOnlyMount;
      else if (model.work.length === 0) empty = s.empty;
      else ({ lines, start } = treeLines(model.work, w, mask));
      break;
    case 'layers':
      if (hand) {
        // An overlay made by hand has no image: its lowerdirs are its layers, the uppermost first.
        title = s.lowers;
        lines = (model.lowerDirs ?? []).map((d, i) => ({ key: d, text: clip(`${i + 1} ${mask(d)}`, w) }));
        if (lines.length === 0) empty = s.empty;
        break;
      }
      title =
        `${s.layers}` +
        `${model.focus ? `${s.colon}${model.layersOf ?? (model.focus.kind === 'image' ? model.focus.ref : '')}` : ''}`;
      if (model.layers.length === 0) empty = noFocus;
      else lines = layerLines(model, w, s, mask);
      break;
    case 'chain':
      title = s.chain;
      if (model.chain.length === 0) empty = noFocus;
      else ({ lines, start } = chainLines(model, chainRevealed, w, s, mask));
      break;
    case 'events':
      title = s.events;
      if (log.length === 0) empty = s.empty;
      else {
        // Whole lines, wrapped: a copy-up's path through work/ is the point of the line.
        lines = log.flatMap((l, i) =>
          wrapWords(mask(l), w, '    ').map((t, n) => ({ key: `${i}.${n}`, text: t, color: MARK_COLOR[l[0] as Mark] })),
        );
        start = Math.max(0, lines.length - inner);
      }
      break;
  }
  const a = (t: string) => (ascii ? toAscii(t) : t);
  const { shown, above, below } = windowLines(lines, inner, start, scroll);
  const more = above || below ? ` ${s.more(above, below)}` : '';
  const head = clip(title.replace(/(: |：)$/, ''), Math.max(1, w - textWidth(more)));
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle={ascii ? 'classic' : focused ? 'double' : 'single'}
      paddingX={0}
      // Vertically only: each row is clipped to the width already (see Layout).
      overflowY="hidden"
    >
      <Text bold wrap="truncate">
        {a(mask(head))}
        {more ? <Text dimColor>{a(more)}</Text> : null}
      </Text>
      {empty !== undefined ? (
        // Broken at spaces here, none left at a row's start (Ink's wrap would keep one there).
        <Text dimColor wrap="wrap">
          {a(wrapWords(empty, w).join('\n'))}
        </Text>
      ) : (
        shown.map((l) => (
          <Text key={l.key} color={l.color} bold={l.bold} wrap="truncate">
            {a(l.text)}
          </Text>
        ))
      )}
    </Box>
  );
});
