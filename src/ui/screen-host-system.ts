// `overlay-tutor sandbox --real=system` on the screen: the screen of `--real` (src/ui/screen-host-
// real.ts: panes read from the daemon's real directories, each line run on the simulator's twin
// too, F2) over the user's own daemon, its session as src/real/system-start.ts keeps it. Each
// change a line would make is shown in the output and asked in the input line (`Run it? [y/N]`;
// --yes runs it, printed; --dry-run prints it instead); `reset` removes what the session made;
// the end of the screen (exit, Ctrl-D, Ctrl-C twice, SIGTERM, SIGHUP) removes it too.
import { createInterface } from 'node:readline';
import { createSimHost } from '../host/sim-host.js';
import { realHost } from '../real/real-host.js';
import { twinMachine } from '../real/replay.js';
import { isYes, systemFacts } from '../real/system-lines.js';
import { type SystemOptions, type SystemTalk, startSystemSession, whatYouHad } from '../real/system-start.js';
import { loadIntoSim, simulatorArchive } from '../real/tutorial-images.js';
import type { ScreenHost, ScreenIO } from './screen-host.js';
import { type RealSession, realScreenHost } from './screen-host-real.js';
import type { Comparison } from '../real/compare.js';

/** One line read from the terminal before the screen opens (the images' question). */
function askOnTerminal(prompt: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    process.stdout.write(prompt);
    const rl = createInterface({ input: process.stdin, terminal: false });
    let answered = false;
    rl.once('line', (l) => {
      answered = true;
      rl.close();
      resolve(l);
    });
    rl.once('close', () => {
      if (!answered) resolve(undefined);
    });
  });
}

/** The session on the user's daemon, its images and the bash prepared before the screen opens
 * (what it says is written to the terminal as it comes); a number is the exit status when it
 * cannot run. */
export async function startSystemScreenSession(o: SystemOptions): Promise<RealSession | number> {
  const out = (s: string) => void process.stdout.write(s);
  const onTerminal: SystemTalk = {
    say: out,
    confirm: async (shown) => isYes(await askOnTerminal(`Run on your daemon? ${shown} [y/N] `)),
  };
  const sys = await startSystemSession(o, onTerminal);
  if (typeof sys === 'number') return sys;
  out(`\n${sys.banner()}`);
  let said = '';
  sys.talk = { ...onTerminal, say: (s) => ((said += s), out(s)) };
  try {
    // The tutorial images are asked on the screen, in the input line (systemScreenHost's `images`).
    // The twin holds the tutorial images as the simulator has them, on this machine's kernel.
    const twin = createSimHost({ seed: 0, ...twinMachine() });
    if (!o.bare) {
      const { archive } = await simulatorArchive();
      await loadIntoSim(twin, archive);
    }
    const shell = await sys.openShell();
    if (typeof shell === 'string') throw new Error(shell);
    // After the screen: what the cleanup says waits for the terminal run.tsx hands it.
    let late = '';
    let sink: ((s: string) => void) | undefined;
    let stopping: Promise<void> | undefined;
    const { daemon, record } = sys;
    const flags = sys.dryRun
      ? ' --dry-run: each change is printed, none made.'
      : sys.yes
        ? ' --yes: changes run unasked.'
        : '';
    return {
      daemon: {
        cli: sys.d.cli,
        env: sys.d.env,
        version: daemon.version,
        dir: sys.runtime,
        dataRoot: daemon.dataRoot ?? '/var/lib/docker',
      },
      shell,
      host: realHost({ cli: sys.d.cli, env: sys.d.env }),
      twin,
      facts: systemFacts(daemon),
      notes: said
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      system: {
        session: sys,
        asksImages: !o.bare,
        label: 'your daemon',
        describe:
          `**Your own daemon** (\`--real=system\`): session ${record.id} on ${daemon.endpoint} ` +
          `(${daemon.product} ${daemon.version}). Your lines run in a real bash whose \`docker\` shows each ` +
          `change and asks first, in the input line.${flags} What the session makes carries the label ` +
          `\`org.overlay-tutor.session=${record.id}\` (images are listed in its record); only that is removed, ` +
          `by \`reset\` and at the end. What you had (${whatYouHad(record)}) is never changed. ` +
          "The panes are read from the daemon's real directories, read-only." +
          (o.bare ? '' : ' `images` loads the tutorial images from the simulator (asked first).'),
      },
      stop: (to) => {
        if (to) {
          sink = to;
          if (late) to(late);
          late = '';
        }
        sys.talk = {
          say: (s) => (sink ? sink(s) : void (late += s)),
          confirm: async () => false,
        };
        return (stopping ??= (async () => {
          shell.close();
          await sys.cleanup();
        })());
      },
    };
  } catch (e) {
    out(`overlay-tutor: your daemon could not be prepared: ${(e as Error).message}\n`);
    await sys.cleanup();
    return 2;
  }
}

/** The screen's host over the user's daemon: `--real`'s, with each change asked in the input line. */
export function systemScreenHost(session: RealSession): ScreenHost & { compare(): Comparison | undefined } {
  const inner = realScreenHost(session);
  const sys = session.system!.session;
  // Between lines nothing asks; what the guard might say then has no line to go under.
  const quiet: SystemTalk = { say: () => undefined, confirm: async () => false };
  return {
    ...inner,
    // The tutorial images' question, first thing on the screen (none with --bare).
    ...(session.system?.asksImages ? { firstLines: ['images'] } : {}),
    async run(line: string, io: ScreenIO) {
      const talk: SystemTalk = {
        say: (s) => io.stdout(s),
        confirm: async (shown) => {
          io.stdout(`Run on your daemon? ${shown}\n`);
          return isYes(await io.ask?.('Run it? [y/N] '));
        },
      };
      sys.talk = talk;
      try {
        const word = line.trim();
        if (word === 'images' && session.system?.asksImages) {
          await sys.loadImages();
          inner.refresh();
          return { exitCode: 0, exited: false };
        }
        if (word !== 'reset') return await inner.run(line, io);
        await sys.reset();
        inner.refresh();
        return { exitCode: 0, exited: false };
      } finally {
        // Unless the screen has ended meanwhile (its stop() speaks to the terminal now).
        if (sys.talk === talk) sys.talk = quiet;
      }
    },
  };
}
