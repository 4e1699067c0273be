// `overlay-tutor sandbox --real` in line mode: the preflight, the tutor's private dockerd with the
// tutorial images loaded from the simulator's `docker save`, then a prompt whose lines run in a
// real bash against that daemon. `panes` prints what the screen's panes would show, computed from
// the real host. The daemon is stopped and its mounts are gone when the REPL ends.
import { createInterface } from 'node:readline';
import { derivePanesOf, type PaneModel } from '../panes/model.js';
import { privateDaemonOrScreen } from '../real/commands.js';
import { realHost } from '../real/real-host.js';
import { RealShell } from '../real/real-shell.js';
import { loadTutorialImages } from '../real/tutorial-images.js';

export interface RealReplOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
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
  out.push(`Image layers (top first) of ${m.layersOf ?? '?'}, ${m.driver} under ${m.dataRoot}:`);
  for (const l of m.layers)
    out.push(`  ${l.index} ${l.cacheId.slice(0, 12)} l/${l.link} ${l.size}B ${l.createdBy.slice(0, 40)}`);
  out.push('ChainID walk (checked against layerdb):');
  for (const c of m.chain)
    out.push(
      `  ${c.index} ${c.chainId.slice(0, 19)} -> cache-id ${c.cacheId?.slice(0, 12) ?? '?'} ` +
        (c.verified ? 'ok' : 'NOT FOUND'),
    );
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

export async function runRealRepl(options: RealReplOptions = {}): Promise<number> {
  const output = options.output ?? process.stdout;
  const write = (s: string) => void output.write(s);
  const d = await privateDaemonOrScreen(write);
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
    const rl = createInterface({ input: options.input ?? process.stdin, output, terminal: false });
    let status = 0;
    let focus: string | undefined;
    write('real# ');
    for await (const line of rl) {
      if (line.trim() === 'panes') write(panesText(derivePanesOf(host, focus ? { container: focus } : {}, new Set())));
      else if (line.trim() !== '') {
        const r = await shell.run(line, write);
        host.refresh();
        status = r.exitCode;
        focus = focusAfter(line, focus);
        if (r.exited) break;
      }
      write('real# ');
    }
    return status;
  } finally {
    shell?.close();
    write('Stopping the private dockerd ...\n');
    await d.stop();
  }
}
