// Entry point of the `overlay-tutor` bin. It parses the command line and picks a mode; every
// mode's code is imported lazily so `--version` and `--help` stay instant.
import { parseArgs } from 'node:util';
import { VERSION } from './version.js';

const HELP = `overlay-tutor ${VERSION}
Learn how Docker stores images and containers on overlayfs, on a simulated host.

Usage:
  overlay-tutor                 start the tutor
  overlay-tutor sandbox         a simulated host with no lesson
  overlay-tutor lessons         list the lessons
  overlay-tutor progress --export FILE | --import FILE
                                save your progress to FILE, or take it from FILE
  overlay-tutor tutor --lesson ID
                                start one lesson (ID as \`lessons\` lists it)
  overlay-tutor script FILE     run FILE's lines on a simulated host, printing \`$ line\` and then
                                what it wrote (stdout and stderr together, as 2>&1)
  overlay-tutor --version       print the version
  overlay-tutor --help          print this help

Options:
  --seed N      make every random id (cache-ids, link ids, container ids) reproducible
  --lang L      en or zh-CN (default: from LC_ALL / LANG)
  --screen-reader
                a linear layout without side-by-side panes (also INK_SCREEN_READER=true)
  --copy-in HOST_PATH:SIM_PATH
                (script) copy a real file or folder into the simulated disk first; repeatable;
                nothing is written back
  --strict      (script) exit with the first non-zero exit status of a line (default: 0)
  -h, --help    print this help
  -v, --version print the version
`;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        seed: { type: 'string' },
        lang: { type: 'string' },
        lesson: { type: 'string' },
        export: { type: 'string' },
        import: { type: 'string' },
        'screen-reader': { type: 'boolean' },
        'copy-in': { type: 'string', multiple: true },
        strict: { type: 'boolean' },
      },
    });
  } catch (err) {
    process.stderr.write(`overlay-tutor: ${(err as Error).message}\nTry 'overlay-tutor --help'.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const mode = positionals[0] ?? 'tutor';
  switch (mode) {
    case 'tutor':
    case 'sandbox': {
      const { detectLang } = await import('./i18n/index.js');
      const lang = detectLang(values.lang, process.env);
      if (typeof lang !== 'string') {
        process.stderr.write(`overlay-tutor: ${lang.error}\n`);
        return 2;
      }
      if (values.seed !== undefined && !/^\d+$/.test(values.seed)) {
        process.stderr.write(`overlay-tutor: --seed wants a number, not '${values.seed}'\n`);
        return 2;
      }
      // The screen needs a terminal on both ends (Ink's input needs raw mode); CI and pipes get
      // the line-mode REPL.
      // Ink treats any CI, CONTINUOUS_INTEGRATION or CI_* variable as CI (it then draws only a
      // last frame), so the same test decides here.
      const env = process.env;
      const inCi = env.CI !== '0' && env.CI !== 'false' && ('CI' in env || 'CONTINUOUS_INTEGRATION' in env || Object.keys(env).some((k) => k.startsWith('CI_')));
      const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !inCi;
      if (mode === 'tutor' && (!interactive || values['screen-reader'])) {
        const { runLineTutor } = await import('./simulator-entry.js');
        return runLineTutor({ lang, ...(values.lesson !== undefined ? { lessonId: values.lesson } : {}) });
      }
      if (!interactive) {
        const { runLineRepl } = await import('./simulator-entry.js');
        return runLineRepl({ seed: values.seed });
      }
      // Colour libraries read this when they load: glyphs carry the meaning without colour.
      if (process.env.NO_COLOR !== undefined || process.env.TERM === 'dumb') process.env.FORCE_COLOR = '0';
      const { runScreen } = await import('./ui/run.js');
      return runScreen({ seed: Number(values.seed ?? 0), lang, screenReader: Boolean(values['screen-reader']) || process.env.INK_SCREEN_READER === 'true', ...(mode === 'tutor' ? { tutor: { lessonId: values.lesson } } : {}) });
    }
    case 'progress': {
      const { readFileSync, writeFileSync, existsSync } = await import('node:fs');
      const { loadProgress, progressPath, saveProgress, parseProgress } = await import('./simulator-entry.js');
      const file = progressPath();
      if ((values.export === undefined) === (values.import === undefined)) {
        process.stderr.write("overlay-tutor: progress wants --export FILE or --import FILE\nTry 'overlay-tutor --help'.\n");
        return 2;
      }
      if (values.export !== undefined) {
        const { progress, warning } = loadProgress(file);
        if (warning) process.stderr.write(`${warning}\n`);
        writeFileSync(values.export, `${JSON.stringify(progress, null, 2)}\n`);
        return 0;
      }
      const from = values.import as string;
      if (!existsSync(from)) {
        process.stderr.write(`overlay-tutor: ${from}: No such file or directory\n`);
        return 1;
      }
      const r = parseProgress(readFileSync(from, 'utf8'));
      if ('error' in r) {
        process.stderr.write(`overlay-tutor: ${from} is not an overlay-tutor progress file: ${r.error}\n`);
        return 1;
      }
      saveProgress(file, r.progress);
      return 0;
    }
    case 'lessons': {
      const { detectLang } = await import('./i18n/index.js');
      const lang = detectLang(values.lang, process.env);
      if (typeof lang !== 'string') {
        process.stderr.write(`overlay-tutor: ${lang.error}\n`);
        return 2;
      }
      const { findLessonsDir, readLessons } = await import('./simulator-entry.js');
      const dir = findLessonsDir();
      if (!dir) {
        process.stderr.write('overlay-tutor: the lessons folder is missing from this installation\n');
        return 1;
      }
      const { lessons, problems } = readLessons(dir);
      for (const p of problems) process.stderr.write(`${p}\n`);
      for (const l of lessons) process.stdout.write(`${String(l.data.order).padStart(2)}  ${l.data.id.padEnd(16)} ${l.texts[lang].title}\n`);
      return problems.length ? 1 : 0;
    }
    case 'script': {
      const file = positionals[1];
      if (file === undefined) {
        process.stderr.write("overlay-tutor: script needs a FILE\nTry 'overlay-tutor --help'.\n");
        return 2;
      }
      if (values.seed !== undefined && !/^\d+$/.test(values.seed)) {
        process.stderr.write(`overlay-tutor: --seed wants a number, not '${values.seed}'\n`);
        return 2;
      }
      const copyIn: Array<[string, string]> = [];
      for (const spec of values['copy-in'] ?? []) {
        const colon = spec.lastIndexOf(':');
        if (colon <= 0 || !spec.slice(colon + 1).startsWith('/')) {
          process.stderr.write(`overlay-tutor: --copy-in wants HOST_PATH:/SIM_PATH, not '${spec}'\n`);
          return 2;
        }
        copyIn.push([spec.slice(0, colon), spec.slice(colon + 1)]);
      }
      const { runScript } = await import('./simulator-entry.js');
      return runScript({
        file,
        seed: values.seed === undefined ? undefined : Number(values.seed),
        copyIn,
        strict: values.strict ?? false,
        stdoutIsTerminal: Boolean(process.stdout.isTTY),
      });
    }
    default:
      process.stderr.write(`overlay-tutor: unknown command '${mode}'\nTry 'overlay-tutor --help'.\n`);
      return 2;
  }
}

// `overlay-tutor lessons | head -1`: when the reader goes away, stop quietly as coreutils do
// (they die of SIGPIPE), instead of Node's unhandled 'error' event and its stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`overlay-tutor: cannot write: ${err.message}\n`);
    process.exit(err.code === 'EPIPE' ? 0 : 74);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Never a stack trace in front of a learner: one line, and the trace only when asked for.
    process.stderr.write(`overlay-tutor: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    if (process.env.OVERLAY_TUTOR_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    process.exitCode = 70;
  },
);
