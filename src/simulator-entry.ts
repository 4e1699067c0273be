// Everything the bin runs that needs the simulator, behind one door. The build embeds this
// module's bundle in the bin as a string (scripts/build.mjs), so the screen's first frame does
// not pay for parsing it; cli.ts and the screen import it only once they need it.
export { loadScreenHost } from './ui/load-host.js';
export { runLineTutor } from './repl/line-tutor.js';
export { runLineRepl } from './repl/line-repl.js';
export { runScript } from './host/script-mode.js';
export { loadProgress, progressPath, saveProgress } from './host/progress-file.js';
export { parseProgress } from './lessons/progress.js';
export { findLessonsDir, readLessons } from './host/lesson-files.js';
