// The help overlay (F1, or ? on an empty line): every key, and in a lesson the lesson's commands
// (two to a row, so that the whole help fits an 80x24 screen), in the learner's language.
import { Box, Text } from 'ink';
import type { Strings } from '../i18n/index.js';
import { toAscii } from './glyphs.js';
import { textWidth } from './text-width.js';

export function HelpOverlay({
  s,
  width,
  height,
  lesson,
  ascii = false,
}: {
  s: Strings;
  width: number;
  height: number;
  /** In the tutor: list the lesson commands too. */
  lesson: boolean;
  ascii?: boolean;
}) {
  const a = (t: string) => (ascii ? toAscii(t) : t);
  const w = Math.min(width, 80);
  const half = Math.floor((w - 4) / 2);
  const pad = (t: string) => t + ' '.repeat(Math.max(1, half - textWidth(t)));
  const pairs: string[] = [];
  for (let i = 0; i < s.lessonHelpLines.length; i += 2)
    pairs.push(`${pad(s.lessonHelpLines[i] as string)}${s.lessonHelpLines[i + 1] ?? ''}`);
  return (
    <Box
      flexDirection="column"
      borderStyle={ascii ? 'classic' : 'double'}
      width={w}
      height={Math.min(height, 4 + s.helpLines.length + (lesson ? 1 + pairs.length : 0) + 1)}
      paddingX={1}
      overflow="hidden"
    >
      <Text wrap="truncate">
        <Text bold>{s.help}</Text> ({s.helpClose})
      </Text>
      {s.helpLines.map((l) => (
        <Text key={l} wrap="truncate">
          {a(l)}
        </Text>
      ))}
      {lesson ? <Text bold>{s.lessonHelp}</Text> : null}
      {lesson
        ? pairs.map((l) => (
            <Text key={l} wrap="truncate">
              {a(l)}
            </Text>
          ))
        : null}
      <Text wrap="truncate">{a(s.legend)}</Text>
    </Box>
  );
}
