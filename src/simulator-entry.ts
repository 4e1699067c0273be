// Everything the bin runs after the screen's first frame, or in a mode without a screen, behind
// one door: the simulator, the Screen that shows it, the commands. The build carries this
// module's bundle packed at the end of the bin (scripts/build.mjs), so the first frame does not
// pay for parsing it; the bin compiles it when a mode first imports it.
import { setJqWasmSource } from './shell/commands/jq/index.js';
import { loadJqWasmBinary } from './io/jq-wasm-loader.js';

// jq's WebAssembly comes from the real disk; the simulated host only knows how to ask for it.
setJqWasmSource(loadJqWasmBinary);

export { loadScreenHost } from './ui/load-host.js';
/** The Screen, whose Ink and React are the first frame's own (scripts/build.mjs): imported only
 * by the screen, so no other mode evaluates them. */
export const loadScreen = () => import('./ui/screen.js');
export { runCommand } from './cli-commands.js';
export { runLineTutor } from './repl/line-tutor.js';
export { runLineRepl } from './repl/line-repl.js';
export { runScript } from './io/script-mode.js';
export { openProgressFile, progressPath } from './io/progress-file.js';
export { parseProgress } from './lessons/progress.js';
export { findLessonsDir, readLessons } from './io/lesson-files.js';
export { runKernelRepl, runRealRepl } from './repl/real-repl.js';
export { runSystemRepl } from './repl/system-repl.js';
export { runPreflight } from './real/commands.js';
export { startRealSession } from './ui/screen-host-real.js';
export { realLessonsLater, startRealLessons } from './real/lesson-host.js';
export { privatePreflight, sandboxPreflight } from './real/commands.js';
export { startSystemScreenSession } from './ui/screen-host-system.js';
export { startKernelSession } from './ui/screen-host-kernel.js';
