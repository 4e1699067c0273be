// Presentational panes: each draws a slice of the PaneModel in a fixed rectangle. Marks are
// glyphs first (+ ~ x o, * for the last command's effects) and colours second, so NO_COLOR and
// TERM=dumb lose nothing.
import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import type { ChainRow, LayerRow, Mark, PaneModel, TreeRow } from '../panes/model.js';
import type { Strings } from '../i18n/index.js';
import { humanSize } from '../docker/go-units.js';

export type PaneKind = 'upper' | 'merged' | 'work' | 'layers' | 'chain' | 'events';
export const PANE_ORDER: PaneKind[] = ['upper', 'layers', 'merged', 'events', 'chain', 'work'];

const MARK_COLOR: Record<Mark, string | undefined> = {
  '+': 'green',
  '~': 'yellow',
  x: 'red',
  o: 'magenta',
  ' ': undefined,
};

const clip = (s: string, width: number): string => (s.length <= width ? s : `${s.slice(0, Math.max(0, width - 1))}…`);

/** Rows that fit, keeping the first row the last command touched in view. */
function windowRows<T extends { recent: boolean }>(rows: T[], height: number): T[] {
  if (rows.length <= height) return rows;
  const first = rows.findIndex((r) => r.recent);
  const start = first < 0 ? 0 : Math.min(Math.max(0, first - 2), rows.length - height);
  return rows.slice(start, start + height);
}

function Frame({
  title,
  width,
  height,
  focused,
  children,
}: {
  title: string;
  width: number;
  height: number;
  focused: boolean;
  children: ReactNode;
}) {
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle={focused ? 'double' : 'single'}
      paddingX={0}
      overflow="hidden"
    >
      <Text bold wrap="truncate">
        {clip(title, width - 2)}
      </Text>
      {children}
    </Box>
  );
}

function TreeLines({ rows, width, height, s }: { rows: TreeRow[]; width: number; height: number; s: Strings }) {
  if (rows.length === 0) return <Text dimColor>{s.empty}</Text>;
  return (
    <>
      {windowRows(rows, height).map((r) => {
        const suffix = r.type === 'dir' ? '/' : r.type === 'symlink' ? '@' : r.type === 'whiteout' ? ' (c 0,0)' : '';
        const line = `${r.recent ? '*' : ' '}${r.mark} ${'  '.repeat(r.depth)}${r.name}${suffix}`;
        return (
          <Text key={r.path} color={MARK_COLOR[r.mark]} bold={r.recent} wrap="truncate">
            {clip(line, width)}
          </Text>
        );
      })}
    </>
  );
}

function LayerLines({ layers, width, height }: { layers: LayerRow[]; width: number; height: number }) {
  const max = Math.max(1, ...layers.map((l) => l.size));
  const barWidth = width < 60 ? 3 : Math.min(12, Math.floor(width / 8));
  return (
    <>
      {layers.slice(0, height).map((l) => {
        const bar = '█'
          .repeat(Math.max(l.size > 0 ? 1 : 0, Math.round((l.size / max) * barWidth)))
          .padEnd(barWidth, '·');
        // The l/ link id ties the stack to `ls -l overlay2/l` and each layer's `lower` file: whole
        // when there is room, its head otherwise (enough to tell the layers apart).
        const linkLen = width >= 70 ? 26 : width >= 50 ? 10 : 4;
        const link = l.link ? `l/${l.link.length > linkLen ? `${l.link.slice(0, linkLen)}…` : l.link} ` : '';
        const head = `${String(l.index).padStart(2)} ${l.cacheId.slice(0, 12)} ${link}${humanSize(l.size).padStart(6)} ${bar} `;
        return (
          <Text key={l.cacheId} wrap="truncate">
            {clip(head + l.createdBy.replace(/^\/bin\/sh -c (#\(nop\) +)?/, ''), width)}
          </Text>
        );
      })}
    </>
  );
}

function ChainLines({
  chain,
  revealed,
  width,
  height,
  s,
  driver,
}: {
  chain: ChainRow[];
  revealed: number;
  width: number;
  height: number;
  s: Strings;
  driver: string;
}) {
  // Digests and the hashed string are shown whole (the learner retypes them into sha256sum),
  // wrapped onto as many rows as the pane's width needs.
  const lines: { key: string; text: string; color?: string }[] = [];
  const push = (key: string, text: string, color?: string): void => {
    const chars = [...text];
    for (let i = 0, n = 0; i < chars.length; i += width, n++)
      lines.push({ key: `${key}.${n}`, text: chars.slice(i, i + width).join(''), ...(color ? { color } : {}) });
  };
  // Steps already seen shrink to one line each; the step just revealed is shown in full.
  for (const c of chain.slice(0, Math.max(0, revealed - 1)))
    push(
      `${c.index}s`,
      `L${c.index} ChainID ${c.chainId.slice(0, 19)}… ${c.verified ? '✓' : '✗'}`,
      c.verified ? 'green' : 'red',
    );
  for (const c of chain.slice(Math.max(0, revealed - 1), revealed)) {
    // From the second layer on, the DiffID is the second half of the string hashed.
    if (c.hashed === null) {
      push(`${c.index}d`, `L${c.index} DiffID ${c.diffId}`);
      push(`${c.index}b`, `  ${s.chainBase}`);
    } else push(`${c.index}h`, `L${c.index} ${s.hashes}: ${c.hashed}`, 'cyan');
    push(`${c.index}c`, `  = ChainID ${c.chainId}`, 'yellow');
    push(
      `${c.index}l`,
      `  ${s.leadsTo} layerdb/sha256/${c.chainId.slice(7, 19)}…/cache-id → ${driver}/${(c.cacheId ?? '?').slice(0, 12)}… ${c.verified ? `✓ ${s.verified}` : `✗ ${s.notVerified}`}`,
      c.verified ? 'green' : 'red',
    );
  }
  if (revealed < chain.length) lines.push({ key: 'hint', text: `(${revealed}/${chain.length}) ${s.chainHint}` });
  return (
    <>
      {lines.slice(Math.max(0, lines.length - height)).map((l) => (
        <Text key={l.key} color={l.color} wrap="truncate">
          {clip(l.text, width)}
        </Text>
      ))}
    </>
  );
}

export interface PaneProps {
  kind: PaneKind;
  model: PaneModel;
  log: string[];
  chainRevealed: number;
  width: number;
  height: number;
  focused: boolean;
  s: Strings;
}

/** One pane by kind, inside a frame of the given size (two rows for the border, one for the title).
 * Memoised: a command's first render (its echo) leaves the panes as they were. */
export const Pane = memo(function Pane({ kind, model, log, chainRevealed, width, height, focused, s }: PaneProps) {
  const inner = Math.max(1, height - 3);
  const w = Math.max(10, width - 2);
  const noContainer = model.focus?.kind !== 'container';
  switch (kind) {
    case 'upper':
      return (
        <Frame
          title={`${s.upper}${model.upperDir ? `  ${model.upperDir.replace(/^\/var\/lib\/docker\//, '').replace(/([0-9a-f]{12})[0-9a-f]{52}/, '$1…')}` : ''}`}
          width={width}
          height={height}
          focused={focused}
        >
          {noContainer ? (
            <Text dimColor wrap="wrap">
              {model.focus ? s.noContainer : s.noFocus}
            </Text>
          ) : (
            <TreeLines rows={model.upper} width={w} height={inner} s={s} />
          )}
        </Frame>
      );
    case 'merged':
      return (
        <Frame title={s.merged} width={width} height={height} focused={focused}>
          {noContainer ? (
            <Text dimColor wrap="wrap">
              {s.noContainer}
            </Text>
          ) : model.merged.length === 0 ? (
            <Text dimColor>{s.notMounted}</Text>
          ) : (
            <TreeLines rows={model.merged} width={w} height={inner} s={s} />
          )}
        </Frame>
      );
    case 'work':
      return (
        <Frame title={s.work} width={width} height={height} focused={focused}>
          {noContainer ? (
            <Text dimColor wrap="wrap">
              {s.noContainer}
            </Text>
          ) : (
            <TreeLines rows={model.work} width={w} height={inner} s={s} />
          )}
        </Frame>
      );
    case 'layers':
      return (
        <Frame title={s.layers} width={width} height={height} focused={focused}>
          {model.layers.length === 0 ? (
            <Text dimColor wrap="wrap">
              {s.noFocus}
            </Text>
          ) : null}
          {model.layers.length > 0 ? <LayerLines layers={model.layers} width={w} height={inner} /> : null}
        </Frame>
      );
    case 'chain':
      return (
        <Frame title={`${s.chain}`} width={width} height={height} focused={focused}>
          {model.chain.length === 0 ? (
            <Text dimColor wrap="wrap">
              {s.noFocus}
            </Text>
          ) : (
            <ChainLines
              chain={model.chain}
              revealed={chainRevealed}
              width={w}
              height={inner}
              s={s}
              driver={model.driver}
            />
          )}
        </Frame>
      );
    case 'events':
      return (
        <Frame title={s.events} width={width} height={height} focused={focused}>
          {log.length === 0 ? (
            <Text dimColor>{s.empty}</Text>
          ) : (
            log.slice(-inner).map((l, i) => (
              <Text key={i} color={MARK_COLOR[l[0] as Mark]} wrap="truncate">
                {clip(l, w)}
              </Text>
            ))
          )}
        </Frame>
      );
  }
});
