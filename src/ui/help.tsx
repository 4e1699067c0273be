// The help overlay (F1, or ? on an empty line): every key, and in the tutor the lesson's commands,
// in the learner's language. Each entry is a key column and its meaning, wrapped under the meaning
// (never cut); when the entries are more rows than the screen has (60x20), ↑/↓/PgUp/PgDn scroll
// them and the title says how many rows lie above and below.
import { Box, Text } from 'ink';
import type { Strings } from '../i18n/index.js';
import { toAscii } from './glyphs.js';
import { wrapProse } from './markdown.js';
import { fitChars, textWidth } from './text-width.js';

/** The key column's width in the help's entries ("Enter        run the command"). */
const KEY_COLUMNS = 13;

/** The help's rows at `width` columns: each entry's meaning wrapped under itself, a section's
 * heading on its own row. */
export function helpRows(s: Strings, lesson: boolean, width: number, real = false, present = false): string[] {
  const entry = (line: string): string[] => {
    const chars = [...line];
    const n = textWidth(line) > KEY_COLUMNS ? fitChars(chars, KEY_COLUMNS) : chars.length;
    const key = chars.slice(0, n).join('').trimEnd();
    const meaning = chars.slice(n).join('').trim();
    if (!meaning) return [line];
    const pad = ' '.repeat(Math.max(1, KEY_COLUMNS - textWidth(key)));
    // Too narrow for a key column: the meaning goes under the key.
    if (width - KEY_COLUMNS < 16)
      return [key.trimEnd(), ...wrapProse(meaning, width - 2, '  ').map((r, i) => (i ? r : `  ${r}`))];
    const indent = ' '.repeat(KEY_COLUMNS);
    return wrapProse(meaning, width - KEY_COLUMNS, '').map((r, i) => (i ? indent : `${key}${pad}`) + r.trimStart());
  };
  const rows = s.helpLines.flatMap(entry);
  if (present) rows.push(...s.presentHelpLines.flatMap(entry));
  if (real) rows.push(...s.realHelpLines.flatMap(entry));
  if (lesson) rows.push('', ...wrapProse(s.lessonHelp, width), ...s.lessonHelpLines.flatMap(entry));
  rows.push(...wrapProse(s.legend, width, '  '));
  return rows;
}

export function HelpOverlay({
  s,
  width,
  height,
  lesson,
  real = false,
  present = false,
  scroll = 0,
  ascii = false,
}: {
  s: Strings;
  width: number;
  height: number;
  /** In the tutor: list the lesson commands too. */
  lesson: boolean;
  /** On a real host: its keys (F2, Ctrl-C) too. */
  real?: boolean;
  /** The presenter's screen: its keys too. */
  present?: boolean;
  /** Rows scrolled down from the top (clamped here to what there is). */
  scroll?: number;
  ascii?: boolean;
}) {
  const a = (t: string) => (ascii ? toAscii(t) : t);
  const w = Math.min(width, 80);
  const inner = Math.max(10, w - 4);
  const rows = helpRows(s, lesson, inner, real, present).map(a);
  // Borders and the title take three rows.
  const room = Math.max(1, height - 3);
  const top = Math.max(0, Math.min(scroll, rows.length - room));
  const shown = rows.slice(top, top + room);
  const more = s.more(top, Math.max(0, rows.length - top - room));
  const title = s.helpTitle(rows.length > room ? s.helpCloseScroll : s.helpClose);
  return (
    <Box
      flexDirection="column"
      borderStyle={ascii ? 'classic' : 'double'}
      width={w}
      height={Math.min(height, rows.length + 3)}
      paddingX={1}
      overflow="hidden"
    >
      <Box justifyContent="space-between">
        <Text wrap="truncate">
          <Text bold>{a(title)}</Text>
        </Text>
        {more ? <Text>{` ${a(more)}`}</Text> : null}
      </Box>
      {shown.map((l, i) => (
        // Rows repeat (blank ones): a row's place in the whole help is its identity.
        <Text key={`row-${top + i}`} wrap="truncate">
          {l || ' '}
        </Text>
      ))}
    </Box>
  );
}

/** How far the help may scroll down at this size (0: it fits). */
export function helpScrollMax(
  s: Strings,
  lesson: boolean,
  width: number,
  height: number,
  real = false,
  present = false,
): number {
  const inner = Math.max(10, Math.min(width, 80) - 4);
  return Math.max(0, helpRows(s, lesson, inner, real, present).length - Math.max(1, height - 3));
}
