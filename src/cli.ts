// Entry point of the `overlay-tutor` bin. It parses the command line and picks a mode; every
// mode's code is imported lazily so `--version` and `--help` stay instant.
import { parseArgs } from 'node:util';
import { VERSION } from './version.js';

const HELP = `overlay-tutor ${VERSION}
Learn how Docker stores images and containers on overlayfs, on a simulated host.

Usage:
  overlay-tutor                 start the tutor
  overlay-tutor sandbox         a simulated host with no lesson
  overlay-tutor --version       print the version
  overlay-tutor --help          print this help

Options:
  --seed N      make every random id (cache-ids, link ids, container ids) reproducible
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
      const { runLineRepl } = await import('./repl/line-repl.js');
      return runLineRepl({ seed: values.seed });
    }
    default:
      process.stderr.write(`overlay-tutor: unknown command '${mode}'\nTry 'overlay-tutor --help'.\n`);
      return 2;
  }
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
