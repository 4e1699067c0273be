// Where things go on the Screen. The screen is the terminal's full height: the step's goal pinned
// at the top (outside the output's scroll), the output and the prompt under it, the panes beside
// them (140 columns and more, the text keeping 80) or below them, the status line on the last row.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Strings } from '../i18n/index.js';
import type { PaneModel } from '../panes/model.js';
import { PANES_MIN, TEXT_MIN, textColumns } from './columns.js';
import { toAscii } from './glyphs.js';
import { type EditLine, type PromptRow, promptRows } from './line-editor.js';
import { markdownRows, type Row } from './markdown.js';
import { PANE_ORDER, Pane, type PaneKind } from './panes.js';
import { textWidth } from './text-width.js';

export interface Geometry {
  /** Panes in a column on the right rather than below. */
  wide: boolean;
  outputWidth: number;
  /** At most this many output rows are shown. */
  outputRows: number;
  /** The output column's height: the goal, the output and the prompt. */
  mainHeight: number;
  /** Below the output the panes give their rows to the text until there is something to show. */
  collapsed: boolean;
  paneArea: number;
  paneRows: number;
  /** The goal, laid out (with its label), at most two rows; empty outside a lesson. */
  goalRows: Row[];
  /** The prompt and the line being typed, wrapped as a terminal wraps them. */
  prompt: PromptRow[];
}

export interface GeometryInput {
  columns: number;
  rows: number;
  linear: boolean;
  model: PaneModel;
  prompt: string;
  line: EditLine;
  goal: string | undefined;
  s: Strings;
  /** A pull is playing: no prompt yet. */
  pulling: boolean;
  color?: boolean;
}

export function geometry(o: GeometryInput): Geometry {
  const { columns, rows, linear, model } = o;
  const wide = !linear && columns >= TEXT_MIN + PANES_MIN;
  const outputWidth = textColumns(columns, linear);
  const paneArea = linear ? 0 : wide ? columns - outputWidth : columns;
  let collapsed = !wide && !linear && model.focus === undefined;
  let paneRows = linear || collapsed ? 0 : wide ? rows - 1 : Math.max(8, Math.floor(rows * 0.42));
  let goalRows = o.goal ? markdownRows(`**${o.s.goal}**${o.goal}`, outputWidth, o.color ?? true) : [];
  if (goalRows.length > 2) {
    goalRows = goalRows.slice(0, 2);
    const last = goalRows[1] as Row;
    last.push({ text: '…' });
  }
  // The goal's rows, and a rule under them.
  let goalHeight = goalRows.length ? goalRows.length + 1 : 0;
  const below = () => (wide || linear ? 0 : collapsed ? 1 : paneRows);
  let mainHeight = rows - 1 - below();
  // Too short a terminal for everything: the panes go first, then the rule, then a goal row.
  if (!wide && !linear && paneRows > 0 && mainHeight - goalHeight < 4) {
    paneRows = 0;
    collapsed = true;
    mainHeight = rows - 1 - below();
  }
  if (mainHeight - goalHeight < 2 && goalHeight > 0) {
    goalRows = goalRows.slice(0, 1);
    goalHeight = 1;
  }
  if (mainHeight - goalHeight < 2) {
    goalRows = [];
    goalHeight = 0;
  }
  const promptMax = Math.max(1, Math.min(4, mainHeight - goalHeight - 1));
  const prompt = o.pulling ? [{ text: '' }] : promptRows(o.prompt, o.line, outputWidth, promptMax);
  const outputRows = linear ? Math.max(3, rows - 3 - goalHeight) : Math.max(0, mainHeight - goalHeight - prompt.length);
  return {
    wide,
    outputWidth,
    outputRows,
    mainHeight: Math.max(1, mainHeight),
    collapsed,
    paneArea,
    paneRows,
    goalRows,
    prompt,
  };
}

export interface LayoutProps {
  columns: number;
  rows: number;
  linear: boolean;
  g: Geometry;
  /** The output rows to show, already cut to the window. */
  visible: Row[];
  model: PaneModel;
  log: string[];
  chainRevealed: number;
  focus: 'prompt' | 'panes';
  paneIndex: number;
  /** How far the pane in focus is scrolled. */
  paneScroll: number;
  status: string;
  /** Values the open step asks for: no pane shows them. */
  secrets: string[];
  /** What to do first while nothing is in focus, worded for where the learner is. */
  noFocus: string;
  ascii: boolean;
  color: boolean;
  s: Strings;
}

function RowText({ row, a }: { row: Row; a: (t: string) => string }) {
  return (
    <Text wrap="truncate">
      {row.length === 0 || (row.length === 1 && row[0]?.text === '')
        ? ' '
        : row.map((seg, j) =>
            seg.bold || seg.code || seg.italic ? (
              <Text key={j} bold={seg.bold} italic={seg.italic} color={seg.code ? 'cyan' : undefined}>
                {a(seg.text)}
              </Text>
            ) : (
              a(seg.text)
            ),
          )}
    </Text>
  );
}

export function Layout({
  columns,
  rows,
  linear,
  g,
  visible,
  model,
  log,
  chainRevealed,
  focus,
  paneIndex,
  paneScroll,
  status,
  secrets,
  noFocus,
  ascii,
  s,
}: LayoutProps) {
  const { wide, collapsed, paneArea, paneRows, outputWidth } = g;
  const a = (t: string) => (ascii ? toAscii(t) : t);
  const paneProps = { model, log, chainRevealed, s, secrets, noFocus, ascii };
  const at = (k: number) => PANE_ORDER[(paneIndex + k) % PANE_ORDER.length] as PaneKind;
  const inFocus = focus === 'panes';
  const scrollOf = (k: number) => (k === 0 && inFocus ? paneScroll : 0);
  const half = Math.floor(paneArea / 2);
  const panes =
    linear || collapsed || paneRows === 0 ? null : wide ? (
      <Box flexDirection="column" width={paneArea}>
        {[0, 2].map((first) => (
          <Box key={first}>
            {[first, first + 1].map((k) => (
              <Pane
                key={at(k)}
                kind={at(k)}
                {...paneProps}
                width={k % 2 === 0 ? half : paneArea - half}
                height={first === 0 ? Math.floor(paneRows / 2) : paneRows - Math.floor(paneRows / 2)}
                focused={inFocus && k === 0}
                scroll={scrollOf(k)}
              />
            ))}
          </Box>
        ))}
      </Box>
    ) : at(0) === 'chain' || inFocus ? (
      // The ChainID walk needs the whole width for its 64-hex digests; a pane in focus takes it too,
      // so the layer stack can show whole link ids and instructions.
      <Pane kind={at(0)} {...paneProps} width={columns} height={paneRows} focused={inFocus} scroll={scrollOf(0)} />
    ) : (
      <Box>
        {[0, 1].map((k) => (
          <Pane
            key={at(k)}
            kind={at(k)}
            {...paneProps}
            width={k === 0 ? half : columns - half}
            height={paneRows}
            focused={false}
            scroll={0}
          />
        ))}
      </Box>
    );

  const rule = a('─'.repeat(Math.max(1, outputWidth)));
  const main = (
    <Box flexDirection="column" width={outputWidth} height={linear ? undefined : g.mainHeight} overflowY="hidden">
      {g.goalRows.map((row, i) => (
        <RowText key={`g${i}`} row={row} a={a} />
      ))}
      {g.goalRows.length ? (
        <Text dimColor wrap="truncate">
          {rule}
        </Text>
      ) : null}
      {visible.map((row, i) => (
        <RowText key={i} row={row} a={a} />
      ))}
      {g.prompt.map((r, i) =>
        r.cursor ? (
          <Text key={`p${i}`} wrap="truncate">
            {a(r.cursor.before)}
            <Text inverse>{a(r.cursor.at)}</Text>
            {a(r.cursor.after)}
          </Text>
        ) : (
          <Text key={`p${i}`} wrap="truncate">
            {a(r.text) || ' '}
          </Text>
        ),
      )}
    </Box>
  );

  // Clipped vertically only: every Text truncates (or wraps) to its box already, and Ink clips a
  // box horizontally by slicing each line of text inside it with slice-ansi, on every frame (a
  // third of a frame's output step, for nothing cut).
  return (
    <Box flexDirection="column" width={columns} height={linear ? undefined : rows} overflowY="hidden">
      <Box flexDirection={wide ? 'row' : 'column'}>
        {main}
        {wide ? panes : null}
      </Box>
      {linear ? <LinearPanes model={model} log={log} s={s} /> : null}
      {!wide && !linear ? panes : null}
      {collapsed && !linear ? (
        <Text dimColor wrap="truncate">
          {a(noFocus)}
        </Text>
      ) : null}
      <Text dimColor wrap="truncate">
        {a(fitStatus(status, columns))}
      </Text>
    </Box>
  );
}

/** The status line cut to the width: its longest field (a lesson's title) gives way first, so
 * the container in focus and the help key stay readable. */
export function fitStatus(status: string, columns: number): string {
  const fields = status.split(' | ');
  const width = () => textWidth(fields.join(' | '));
  for (let guard = 0; width() > columns && guard < 400; guard++) {
    let longest = 0;
    fields.forEach((f, i) => {
      if (textWidth(f) > textWidth(fields[longest] ?? '')) longest = i;
    });
    // A lesson's "title · 3/10" (or "title · 3/10 · real"): the title gives way, the step stays.
    const field = fields[longest] ?? '';
    const step = field.search(/ · (\d+\/\d+|✓)( · |$)/);
    const dot = step > 0 ? step : field.lastIndexOf(' · ');
    const tail = dot > 0 ? field.slice(dot) : '';
    const chars = [...(dot > 0 ? field.slice(0, dot) : field).replace(/…$/, '')];
    if (chars.length <= 4) break;
    fields[longest] = `${chars.slice(0, -1).join('')}…${tail}`;
  }
  return fields.join(' | ');
}

/** --screen-reader: the panes as plain lines after the output, no boxes. */
function LinearPanes({ model, log, s }: { model: PaneModel; log: string[]; s: Strings }): ReactNode {
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
