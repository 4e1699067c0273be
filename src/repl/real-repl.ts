// `overlay-tutor sandbox --real` in line mode: the tutor's private dockerd with the tutorial images
// loaded from the simulator's `docker save`, then a prompt whose lines run in a real bash against
// that daemon — or, on the real kernel alone (`--real=kernel`, or no dockerd to start), in a kernel
// lab's bash. `panes` prints what the screen's panes would show, computed from the real host. The
// daemon is stopped, or the lab removed, and their mounts are gone when the REPL ends.
import { createInterface } from 'node:readline';
import { derivePanesOf, type FocusHint, type PaneModel } from '../panes/model.js';
import { privateDaemonOrScreen } from '../real/commands.js';
import { openKernelSandbox } from '../real/kernel-sandbox.js';
import { type RealHost, realHost } from '../real/real-host.js';
import { RealShell } from '../real/real-shell.js';
import { loadTutorialImages } from '../real/tutorial-images.js';

export interface RealReplOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** The preflight has been shown (and chose this mode). */
  preflightShown?: boolean;
}

/** The panes as text: the layer stack, the ChainID walk, the container's upper dir. */
export function panesText(m: PaneModel): string {
  const out: string[] = [];
  if (!m.focus) return 'No image or container to show yet.\n';
  out.push(
    `In focus: ${m.focus.kind} ${
      m.focus.kind === 'container'
        ? `${m.focus.name} (${m.focus.state})`
        : m.focus.kind === 'mount'
          ? m.focus.target
          : m.focus.ref
    }`,
  );
  if (m.focus.kind === 'mount') {
    // A hand-made overlay has no image: its merged view (while mounted), then its upper below.
    out.push(`merged ${m.focus.target}${m.focus.mounted ? ':' : ' (not mounted)'}`);
    for (const r of m.merged) out.push(`  ${r.mark} ${'  '.repeat(r.depth)}${r.name}`);
  } else {
    out.push(`Image layers (top first) of ${m.layersOf ?? '?'}, ${m.driver} under ${m.dataRoot}:`);
    for (const l of m.layers)
      out.push(`  ${l.index} ${l.cacheId.slice(0, 12)} l/${l.link} ${l.size}B ${l.createdBy.slice(0, 40)}`);
    out.push('ChainID walk (checked against layerdb):');
    for (const c of m.chain)
      out.push(
        `  ${c.index} ${c.chainId.slice(0, 19)} -> cache-id ${c.cacheId?.slice(0, 12) ?? '?'} ` +
          (c.verified ? 'ok' : 'NOT FOUND'),
      );
  }
  if (m.upperDir) {
    out.push(`upper (diff) ${m.upperDir}:`);
    for (const r of m.upper) out.push(`  ${r.mark} ${'  '.repeat(r.depth)}${r.name}`);
    if (m.upper.length === 0) out.push('  (empty)');
  }
  return `${out.join('\n')}\n`;
}

/** The container in focus after `line`: the one it names (--name X, or docker exec/start/stop X),
 * else the one before. */
export function focusAfter(line: string, focus: string | undefined): string | undefined {
  return (
    /--name[= ](\S+)/.exec(line)?.[1] ??
    /docker (?:exec|start|stop|restart|diff)\s+(?:-\S+\s+)*(\S+)/.exec(line)?.[1] ??
    focus
  );
}

/** The prompt: each line run in `shell`, `panes` the panes as `hint` focuses them after the lines so
 * far; the last line's status when the input ends or the bash exits. */
async function promptLoop(
  shell: RealShell,
  host: RealHost,
  hint: (line: string, last: FocusHint) => FocusHint,
  options: RealReplOptions,
  write: (s: string) => void,
): Promise<number> {
  const rl = createInterface({ input: options.input ?? process.stdin, terminal: false });
  let status = 0;
  let focus: FocusHint = {};
  write('real# ');
  for await (const line of rl) {
    if (line.trim() === 'panes') write(panesText(derivePanesOf(host, focus, new Set())));
    else if (line.trim() !== '') {
      const r = await shell.run(line, write);
      host.refresh();
      status = r.exitCode;
      focus = hint(line, focus);
      if (r.exited) break;
    }
    write('real# ');
  }
  rl.close();
  return status;
}

export async function runRealRepl(options: RealReplOptions = {}): Promise<number> {
  const output = options.output ?? process.stdout;
  const write = (s: string) => void output.write(s);
  const d = await privateDaemonOrScreen(write, { preflightShown: options.preflightShown ?? false });
  if (typeof d === 'string') {
    write(d);
    return 2;
  }
  let shell: RealShell | undefined;
  try {
    write('Loading the tutorial images from the simulator ...\n');
    const report = await loadTutorialImages(d);
    const problems = report.images.flatMap((i) => i.problems.map((p) => `  ${i.ref}: ${p}`));
    write(
      report.identical
        ? `${report.images.length} images loaded: the same image IDs, DiffIDs and ChainIDs as in the simulator.\n`
        : `Images differ from the simulator's:\n${problems.join('\n')}\n`,
    );
    write('Lines run in a real bash against this daemon; `panes` shows the panes, `exit` ends.\n');
    shell = new RealShell(d);
    const host = realHost({ cli: d.cli, env: d.env, daemonPid: d.pid });
    const named = (line: string, last: FocusHint): FocusHint => {
      const container = focusAfter(line, last.container);
      return container ? { container } : {};
    };
    return await promptLoop(shell, host, named, options, write);
  } finally {
    shell?.close();
    write('Stopping the private dockerd ...\n');
    await d.stop();
  }
}

/** `sandbox --real=kernel` (or `sandbox --real` with no dockerd to start) in line mode, after the
 * preflight: a prompt over the kernel lab's bash, `panes` the overlay mounted there last. The lab
 * (its processes, mounts and dir) is removed when the prompt ends, and on SIGINT, SIGTERM or SIGHUP. */
export async function runKernelRepl(options: RealReplOptions = {}): Promise<number> {
  const output = options.output ?? process.stdout;
  const write = (s: string) => void output.write(s);
  const made = await openKernelSandbox(write);
  if (typeof made === 'string') {
    write(`overlay-tutor: the sandbox's lab on the real kernel could not be made here: ${made}\n`);
    return 2;
  }
  const { lab, shell, host } = made;
  // Ctrl-C too: line mode has no line editor to take it, and node's own end would leave the lab.
  const signals = [
    ['SIGINT', 2],
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const;
  const onSignal = signals.map(([signal, n]) => {
    const f = () => void lab.close().finally(() => process.exit(128 + n));
    process.once(signal, f);
    return [signal, f] as const;
  });
  try {
    write(`Lines run in a real bash as root in the lab ${lab.dir}; \`panes\` shows the panes, \`exit\` ends.\n`);
    // The overlay mounted last; kept in focus after its umount, as the screen keeps it.
    const mounted = (_line: string, last: FocusHint): FocusHint => {
      const m = host.overlayMounts?.().pop();
      return m ? { mount: m } : last;
    };
    return await promptLoop(shell, host, mounted, options, write);
  } finally {
    for (const [signal, f] of onSignal) process.removeListener(signal, f);
    await lab.close();
  }
}
