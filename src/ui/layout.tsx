// Where things go on the Screen: the output, the panes beside it (wide terminals) or below it
// (80x24), the prompt and the status line.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Strings } from '../i18n/index.js';
import type { PaneModel } from '../panes/model.js';
import type { Row } from './markdown.js';
import { PANE_ORDER, Pane, type PaneKind } from './panes.js';

export interface Geometry {
  /** Panes in a column on the right (120 columns and more) rather than below. */
  wide: boolean;
  outputWidth: number;
  /** At most this many output rows are shown; fewer while there are fewer. */
  outputRows: number;
  /** At 80 columns the panes give their rows to the text until there is something to show. */
  collapsed: boolean;
  paneArea: number;
  paneRows: number;
}

export function geometry(columns: number, rows: number, linear: boolean, model: PaneModel): Geometry {
  const wide = !linear && columns >= 120;
  const paneArea = linear ? 0 : wide ? Math.floor(columns * 0.55) : columns;
  const collapsed = !wide && !linear && model.focus === undefined;
  const paneRows = linear || collapsed ? 0 : wide ? rows - 1 : Math.max(8, Math.floor(rows * 0.42));
  return {
    wide,
    outputWidth: wide ? columns - paneArea : columns,
    outputRows: Math.max(3, (wide ? rows : rows - paneRows) - 3 - (collapsed ? 1 : 0)),
    collapsed,
    paneArea,
    paneRows,
  };
}

export interface LayoutProps {
  columns: number;
  linear: boolean;
  g: Geometry;
  /** The output rows to show, already cut to the window. */
  visible: Row[];
  model: PaneModel;
  log: string[];
  chainRevealed: number;
  focus: 'prompt' | 'panes';
  paneIndex: number;
  prompt: string;
  /** The line being typed: the text input, or its stand-in before the screen can take keys. */
  input: ReactNode;
  status: string;
  s: Strings;
}

export function Layout({
  columns,
  linear,
  g,
  visible,
  model,
  log,
  chainRevealed,
  focus,
  paneIndex,
  prompt,
  input,
  status,
  s,
}: LayoutProps) {
  const { wide, collapsed, paneArea, paneRows, outputWidth } = g;
  const paneProps = { model, log, chainRevealed, s };
  const shown = wide
    ? [0, 1, 2, 3].map((k) => PANE_ORDER[(paneIndex + k) % PANE_ORDER.length])
    : [PANE_ORDER[paneIndex], PANE_ORDER[(paneIndex + 1) % PANE_ORDER.length]];
  const panes =
    linear || collapsed ? null : wide ? (
      <Box flexDirection="column" width={paneArea}>
        <Box>
          {shown
            .slice(0, 2)
            .map(
              (k, i) =>
                k && (
                  <Pane
                    key={k}
                    kind={k}
                    {...paneProps}
                    width={Math.floor(paneArea / 2)}
                    height={Math.floor(paneRows / 2)}
                    focused={focus === 'panes' && i === 0}
                  />
                ),
            )}
        </Box>
        <Box>
          {shown
            .slice(2, 4)
            .map(
              (k) =>
                k && (
                  <Pane
                    key={k}
                    kind={k}
                    {...paneProps}
                    width={Math.floor(paneArea / 2)}
                    height={paneRows - Math.floor(paneRows / 2)}
                    focused={false}
                  />
                ),
            )}
        </Box>
      </Box>
    ) : shown[0] === 'chain' || focus === 'panes' ? (
      // The ChainID walk needs the whole width for its 64-hex digests; a pane in focus takes it too,
      // so the layer stack can show whole link ids and instructions.
      <Pane kind={shown[0] as PaneKind} {...paneProps} width={columns} height={paneRows} focused={focus === 'panes'} />
    ) : (
      <Box>
        {shown.map(
          (k) =>
            k && (
              <Pane key={k} kind={k} {...paneProps} width={Math.floor(columns / 2)} height={paneRows} focused={false} />
            ),
        )}
      </Box>
    );

  return (
    <Box flexDirection="column" width={columns}>
      <Box flexDirection={wide ? 'row' : 'column'}>
        {/* As tall as what it shows (at most outputRows): the prompt follows the output down the
            screen as in a terminal, and an empty output is not a screenful of blank cells for Ink
            to build (~3 ms at 80x24, four times that at 160x48). */}
        <Box flexDirection="column" width={outputWidth} overflow="hidden">
          {visible.map((row, i) => (
            <Text key={i} wrap="truncate">
              {row.length === 0 || (row.length === 1 && row[0]?.text === '')
                ? ' '
                : row.map((seg, j) =>
                    seg.bold || seg.code ? (
                      <Text key={j} bold={seg.bold} color={seg.code ? 'cyan' : undefined}>
                        {seg.text}
                      </Text>
                    ) : (
                      seg.text
                    ),
                  )}
            </Text>
          ))}
        </Box>
        {panes}
      </Box>
      {linear ? <LinearPanes model={model} log={log} s={s} /> : null}
      {collapsed ? (
        <Text dimColor wrap="truncate">
          {s.noFocus}
        </Text>
      ) : null}
      <Box>
        <Text>{prompt}</Text>
        {input}
      </Box>
      <Text dimColor wrap="truncate">
        {status}
      </Text>
    </Box>
  );
}

/** --screen-reader: the panes as plain lines after the output, no boxes. */
function LinearPanes({ model, log, s }: { model: PaneModel; log: string[]; s: Strings }) {
  const lines = [
    `${s.upper}: ${model.upper.map((r) => `${r.mark.trim() || '='} ${r.path}`).join(', ') || s.empty}`,
    `${s.layers}: ${model.layers.map((l) => `${l.index} ${l.cacheId.slice(0, 12)} ${l.size}B`).join('; ') || s.empty}`,
    ...log.map((l) => `${s.events}: ${l}`),
  ];
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        <Text key={i}>{l}</Text>
      ))}
    </Box>
  );
}
