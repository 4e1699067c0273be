// Entry point of the `overlay-tutor` bin. cli-modes.ts, imported first, reads the command line and
// runs every mode but the screen, then exits; only the screen goes on to the code below and to
// Ink, React and the App imported here, the bin's main body. The simulator behind every mode is
// compiled only when a mode asks for it (src/simulator-entry.ts, embedded by scripts/build.mjs).
import { internalError, screenOptions } from './cli-modes.js';
import { runScreen } from './ui/run.js';

runScreen(screenOptions).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = internalError(err);
  },
);
