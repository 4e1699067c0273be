// The help overlay (F1, or ? on an empty line): every key, in the learner's language.
import { Box, Text } from 'ink';
import type { Strings } from '../i18n/index.js';

export function HelpOverlay({ s, width }: { s: Strings; width: number }) {
  return (
    <Box flexDirection="column" borderStyle="double" width={Math.min(width, 78)} paddingX={1}>
      <Text bold>{s.help}</Text>
      {s.helpLines.map((l) => (
        <Text key={l}>{l}</Text>
      ))}
      <Text> </Text>
      <Text>{s.legend}</Text>
      <Text dimColor>{s.helpClose}</Text>
    </Box>
  );
}
