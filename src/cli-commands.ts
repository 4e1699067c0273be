// The commands that do not start a screen: lessons, progress, script. cli-modes.ts reaches them
// through src/simulator-entry.ts: they and the simulator are compiled only when one is run.
import { runGrade, runSeeds } from './io/grade-command.js';
import { runLint, runNew } from './io/lint-command.js';
import { lessonList } from './io/lesson-index.js';
import { loadLessons } from './io/lessons-source.js';
import { exportProgress, importProgress } from './io/progress-transfer.js';
import { runScript } from './io/script-mode.js';
import { detectLang } from './i18n/index.js';
import { lessonShape } from './lessons/progress.js';
import { runWorkshopCommand } from './cli-workshop.js';
import { runPreflight, runReplay } from './real/commands.js';
import { runSystemReplay } from './real/system-replay.js';
import { type HostTime, sessionTime } from './host/host-time.js';
import { timeOptions } from './host/sim-host.js';
import { parseKernelRelease } from './kernel/release.js';
import { DEFAULT_MACHINE } from './shell/commands/fs/system.js';

/** What the command line says, as node:util's parseArgs gives it. */
export interface CliValues {
  help?: boolean;
  version?: boolean;
  seed?: string;
  /** Where the host's clock starts (else the real now). */
  date?: string;
  lang?: string;
  lesson?: string;
  /** A folder of lessons (a teacher's own) read instead of the tutor's. */
  lessons?: string;
  export?: string;
  import?: string;
  replace?: boolean;
  'screen-reader'?: boolean;
  'copy-in'?: string[];
  strict?: boolean;
  /** (script) the simulated kernel's release, as uname -r prints it. */
  kernel?: string;
  /** Workshops (src/cli-workshop.ts): record's and handout's file, the cast's size, present's
   * notes view, typing speed and the catch-up code's lesson.step. */
  out?: string;
  width?: string;
  height?: string;
  notes?: boolean;
  speed?: string;
  at?: string;
  /** 'private' for `--real`, 'system' for `--real=system`. */
  real?: string;
  bare?: boolean;
  /** --real=system: changes run without asking; --dry-run: printed instead of made. */
  yes?: boolean;
  'dry-run'?: boolean;
  /** A session's transcript file (the tutor writes it; grade reads it). */
  transcript?: string;
  /** The teacher's key file: signs transcripts, derives learners' seeds. */
  key?: string;
  /** An exercise set file (an exam). */
  set?: string;
  learner?: string[];
  format?: string;
  csv?: boolean;
}

/** --copy-in HOST_PATH:/SIM_PATH pairs, or the message for one that is not. */
function parseCopyIn(specs: string[] | undefined): Array<[string, string]> | string {
  const copyIn: Array<[string, string]> = [];
  for (const spec of specs ?? []) {
    const colon = spec.lastIndexOf(':');
    if (colon <= 0 || !spec.slice(colon + 1).startsWith('/'))
      return `overlay-tutor: --copy-in wants HOST_PATH:/SIM_PATH, not '${spec}'`;
    copyIn.push([spec.slice(0, colon), spec.slice(colon + 1)]);
  }
  return copyIn;
}

/** Runs `mode` and gives its exit status. */
export async function runCommand(mode: string, values: CliValues, positionals: string[]): Promise<number> {
  // The host's clock starts at the real now (read here, never by the core) or at --date.
  const time: HostTime | string = sessionTime(values.date, Date.now);
  if (typeof time === 'string') {
    process.stderr.write(`overlay-tutor: ${time}\n`);
    return 2;
  }
  switch (mode) {
    case 'progress': {
      if ((values.export === undefined) === (values.import === undefined) || (values.replace && !values.import)) {
        process.stderr.write(
          "overlay-tutor: progress wants --export FILE or --import FILE [--replace]\nTry 'overlay-tutor --help'.\n",
        );
        return 2;
      }
      // Imports are checked against the lessons there are (and progress clamped to their steps).
      const shapes = (loadLessons(values.lessons)?.lessons ?? []).map(lessonShape);
      const r =
        values.export !== undefined
          ? exportProgress(values.export, shapes)
          : importProgress(values.import as string, shapes, { replace: Boolean(values.replace) });
      for (const m of r.messages) process.stderr.write(`${m}\n`);
      return r.code;
    }
    case 'lessons': {
      const lang = detectLang(values.lang, process.env);
      if (typeof lang !== 'string') {
        process.stderr.write(`overlay-tutor: ${lang.error}\n`);
        return 2;
      }
      const found = loadLessons(values.lessons);
      if (!found) {
        process.stderr.write('overlay-tutor: the lessons folder is missing from this installation\n');
        return 1;
      }
      const { lessons, problems } = found;
      for (const p of problems) process.stderr.write(`${p}\n`);
      process.stdout.write(lessonList(lessons.map((l) => ({ data: l.data, title: l.texts[lang].title }))));
      return problems.length ? 1 : 0;
    }
    case 'preflight':
      return runPreflight();
    case 'replay': {
      const file = positionals[1];
      if (file === undefined || values.real === undefined) {
        process.stderr.write(
          'overlay-tutor: replay needs a FILE and --real (it compares the simulator with a real host)\n' +
            "Try 'overlay-tutor --help'.\n",
        );
        return 2;
      }
      if (values.real !== 'private' && values.real !== 'system') {
        process.stderr.write(
          `overlay-tutor: --real=${values.real}: replay runs on the tutor's private daemon (--real) or on your ` +
            'own (--real=system)\n',
        );
        return 2;
      }
      if (values.real === 'private' && (values.yes || values['dry-run'])) {
        process.stderr.write('overlay-tutor: --yes and --dry-run go with --real=system (your own daemon)\n');
        return 2;
      }
      const copyIn = parseCopyIn(values['copy-in']);
      if (typeof copyIn === 'string') {
        process.stderr.write(`${copyIn}\n`);
        return 2;
      }
      const replay = {
        file,
        time,
        copyIn,
        images: !values.bare,
        ...(values.seed !== undefined && /^\d+$/.test(values.seed) ? { seed: Number(values.seed) } : {}),
      };
      return values.real === 'system'
        ? runSystemReplay({ ...replay, yes: Boolean(values.yes), dryRun: Boolean(values['dry-run']) })
        : runReplay(replay);
    }
    case 'lint':
      return runLint(positionals[1], {
        out: (t) => void process.stdout.write(t),
        err: (t) => void process.stderr.write(t),
      });
    case 'new':
      return runNew(positionals[1], positionals[2], values.lessons ?? '.', {
        out: (t) => void process.stdout.write(t),
        err: (t) => void process.stderr.write(t),
      });
    case 'grade':
    case 'seed': {
      const found = loadLessons(values.lessons);
      if (!found) {
        process.stderr.write('overlay-tutor: the lessons folder is missing from this installation\n');
        return 2;
      }
      for (const p of found.problems) process.stderr.write(`${p}\n`);
      const io = {
        lessons: found.lessons,
        out: (t: string) => void process.stdout.write(t),
        err: (t: string) => void process.stderr.write(t),
        env: process.env,
      };
      if (mode === 'seed') return runSeeds({ ...io, set: values.set, learners: values.learner ?? [], key: values.key });
      return runGrade({
        ...io,
        files: positionals.slice(1),
        set: values.set,
        key: values.key,
        format: values.format,
        csv: values.csv,
      });
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
      const copyIn = parseCopyIn(values['copy-in']);
      if (typeof copyIn === 'string') {
        process.stderr.write(`${copyIn}\n`);
        return 2;
      }
      if (values.kernel !== undefined && !parseKernelRelease(values.kernel)) {
        process.stderr.write(
          `overlay-tutor: --kernel wants a release such as 6.8.0-45-generic, not '${values.kernel}'\n`,
        );
        return 2;
      }
      const machine = values.kernel === undefined ? {} : { machine: { ...DEFAULT_MACHINE, release: values.kernel } };
      return runScript({
        file,
        host: { ...timeOptions(time), ...machine },
        seed: values.seed === undefined ? undefined : Number(values.seed),
        copyIn,
        strict: values.strict ?? false,
        stdoutIsTerminal: Boolean(process.stdout.isTTY),
      });
    }
    case 'record':
    case 'handout':
    case 'present':
      return runWorkshopCommand(mode, values, time);
    default:
      process.stderr.write(`overlay-tutor: unknown command '${mode}'\nTry 'overlay-tutor --help'.\n`);
      return 2;
  }
}
