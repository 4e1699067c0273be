// Predict, then verify (F2 on a real host): the last line as the simulator predicted it beside
// what the real host did, in two columns — what it printed, what changed in the container's
// upper dir, `docker diff` — normalised, each row that differs marked ≠ in the first column; then
// how many lines agree, why the real host differs where the tutor knows, and the simulator's own
// kernel events. Laid out as plain rows (compareViewRows) so a test reads them as the screen does.
import { Box, Text } from 'ink';
import type { Strings } from '../i18n/index.js';
import type { CompareRow, Comparison } from '../real/compare.js';
import { toAscii } from './glyphs.js';
import { wrapProse } from './markdown.js';
import { clip } from './panes.js';
import { textWidth } from './text-width.js';

const pad = (t: string, n: number) => t + ' '.repeat(Math.max(0, n - textWidth(t)));

/** The view's rows at `width` columns (the box's inside). */
export function compareViewRows(c: Comparison | undefined, width: number, s: Strings): string[] {
  const t = s.compare;
  if (!c) return wrapProse(t.none, width);
  // Two columns of equal width after the mark ("≠ ") and the rule between them (" │ ").
  const col = Math.max(8, Math.floor((width - 5) / 2));
  const two = (mark: string, left: string, right: string) =>
    `${mark} ${pad(clip(left, col), col)} │ ${clip(right, col)}`;
  const row = (r: CompareRow) => {
    let [left, right] = [r.sim ?? '', r.real ?? ''];
    // Two long lines that differ past the column's end: both shown from a little before where
    // they part, so the difference is on the screen (`docker ps`'s STATUS column).
    if (r.differs && textWidth(left) > col && textWidth(right) > col) {
      let same = 0;
      while (same < left.length && left[same] === right[same]) same++;
      if (same > col - 12) [left, right] = [`…${left.slice(same - 8)}`, `…${right.slice(same - 8)}`];
    }
    return two(r.differs ? '≠' : ' ', left, right);
  };
  const exitDiffers = c.exitCodes.sim !== c.exitCodes.real;
  const out = [
    two(' ', t.sim, t.real),
    two(exitDiffers ? '≠' : ' ', t.exit(c.exitCodes.sim), t.exit(c.exitCodes.real)),
  ];
  for (const sec of c.sections) {
    const title =
      sec.title === 'output'
        ? t.output
        : sec.title === 'upper'
          ? c.container
            ? t.upper(c.container)
            : t.upperMount(c.mount ?? '')
          : t.diff(c.container ?? '');
    out.push(`  ── ${clip(title, Math.max(4, width - 6))}`);
    out.push(...sec.rows.map(row));
  }
  out.push('', `  ${t.agree(c.agree, c.total)}`);
  if (c.reasons.length) {
    out.push(`  ${t.why}`);
    for (const r of c.reasons)
      out.push(...wrapProse(s.compare.reason(r), width - 4, '    ').map((l, k) => (k ? l : `  · ${l.trimStart()}`)));
  }
  if (c.events.length) {
    out.push('', ...wrapProse(t.events, width - 2, '  ').map((l) => `  ${l.trimStart()}`));
    for (const e of c.events) out.push(`  ${clip(e, width - 2)}`);
  }
  return out;
}

/** How far the view may scroll down at this size (0: it fits). */
export function compareScrollMax(c: Comparison | undefined, s: Strings, width: number, height: number): number {
  return Math.max(0, compareViewRows(c, Math.max(20, width - 4), s).length - Math.max(1, height - 3));
}

export function CompareView({
  comparison,
  s,
  width,
  height,
  scroll = 0,
  ascii = false,
}: {
  comparison: Comparison | undefined;
  s: Strings;
  width: number;
  height: number;
  scroll?: number;
  ascii?: boolean;
}) {
  const a = (t: string) => (ascii ? toAscii(t) : t);
  const inner = Math.max(20, width - 4);
  const rows = compareViewRows(comparison, inner, s).map(a);
  const room = Math.max(1, height - 3);
  const top = Math.max(0, Math.min(scroll, rows.length - room));
  const more = s.more(top, Math.max(0, rows.length - top - room));
  const title = comparison ? s.compare.title(comparison.line) : s.compare.title('…');
  return (
    <Box
      flexDirection="column"
      borderStyle={ascii ? 'classic' : 'double'}
      width={width}
      height={Math.min(height, rows.length + 3)}
      paddingX={1}
      overflow="hidden"
    >
      <Box justifyContent="space-between">
        <Text wrap="truncate">
          <Text bold>{a(clip(title, Math.max(10, inner - textWidth(s.compare.close) - 8)))}</Text>
          {a(`  (${s.compare.close})`)}
        </Text>
        {more ? <Text>{` ${a(more)}`}</Text> : null}
      </Box>
      {rows.slice(top, top + room).map((l, i) => (
        // Rows repeat (blank ones): a row's place in the whole view is its identity.
        <Text
          key={`row-${top + i}`}
          wrap="truncate"
          {...(l.startsWith('≠') || l.startsWith('#') ? { color: 'yellow' } : {})}
        >
          {l || ' '}
        </Text>
      ))}
    </Box>
  );
}
