// docker pull, images, history, rmi, tag.
import type { FileContent } from '../../../kernel/index.js';
import { writeContentTo } from '../../content-output.js';
import type { DockerEngine, PullResult } from '../../../docker/engine/index.js';
import { DaemonError } from '../../../docker/engine/index.js';
import { parseReference, qualifiedName, RegistryError } from '../../../docker/registry/types.js';
import { DOCKER_LISTS, formatDockerList } from '../../../gotemplate/table.js';
import type { CommandContext } from '../../command.js';
import { CliError, operand } from './flags.js';
import { filterImages } from './image-filters.js';
import {
  copyToFile,
  daemonMessage,
  outputPathError,
  ellipsis,
  goTimeString,
  humanDuration,
  humanSize,
  type SubCommand,
} from './util.js';

/**
 * The lines `docker pull` prints (after "Using default tag"). On a terminal the progress bars
 * settle into one line per layer; otherwise every status message is a line of its own (the real
 * daemon interleaves them by download order, which here is layer order).
 */
export function pullLines(r: PullResult, ref: string, terminal = true): string[] {
  const repo = qualifiedName(r.name).replace(/^docker\.io\//, '');
  const lines = [`${r.tag}: Pulling from ${repo}`];
  if (!r.upToDate && terminal) for (const l of r.layers) lines.push(`${l.id}: ${l.status}`);
  if (!r.upToDate && !terminal) {
    const fresh = r.layers.filter((l) => l.status === 'Pull complete');
    for (const l of r.layers)
      lines.push(`${l.id}: ${l.status === 'Already exists' ? 'Already exists' : 'Pulling fs layer'}`);
    for (const l of fresh) lines.push(`${l.id}: Verifying Checksum`, `${l.id}: Download complete`);
    for (const l of fresh) lines.push(`${l.id}: Pull complete`);
  }
  lines.push(`Digest: ${r.digest}`);
  const shown = ref.includes('@') ? `${r.name}@${r.tag}` : `${r.name}:${r.tag}`;
  lines.push(r.upToDate ? `Status: Image is up to date for ${shown}` : `Status: Downloaded newer image for ${shown}`);
  return lines;
}

export async function pullImage(d: DockerEngine, ref: string): Promise<PullResult> {
  try {
    return await d.pull(ref);
  } catch (e) {
    if (e instanceof RegistryError) throw new DaemonError(e.message, 400);
    throw e;
  }
}

export const pullCommand: SubCommand = {
  def: {
    path: 'pull',
    usage: 'docker pull [OPTIONS] NAME[:TAG|@DIGEST]',
    summary: 'Pull an image or a repository from a registry',
    flags: [
      { long: 'all-tags', short: 'a', type: 'bool' },
      { long: 'quiet', short: 'q', type: 'bool' },
      { long: 'platform', type: 'string' },
    ],
    args: { exact: 1 },
  },
  async run(ctx, d, p) {
    const ref = operand(p, 0);
    let r;
    try {
      r = parseReference(ref);
    } catch (e) {
      ctx.stderr(`${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    // The 20.10 CLI keeps this line back under -q too (checked against its client).
    if (!r.tagged && !r.digest && !p.bools.has('quiet')) ctx.stdout('Using default tag: latest\n');
    const res = await pullImage(d, ref);
    const shown = r.digest ? `${qualifiedName(res.name)}@${r.digest}` : `${qualifiedName(res.name)}:${res.tag}`;
    if (!p.bools.has('quiet')) ctx.stdout(pullLines(res, ref, ctx.stdoutIsTerminal).join('\n') + '\n');
    ctx.stdout(`${shown}\n`);
    return 0;
  },
};

export const imagesCommand: SubCommand = {
  def: {
    path: 'images',
    usage: 'docker images [OPTIONS] [REPOSITORY[:TAG]]',
    summary: 'List images',
    flags: [
      { long: 'all', short: 'a', type: 'bool' },
      { long: 'digests', type: 'bool' },
      { long: 'filter', short: 'f', type: 'list' },
      { long: 'format', type: 'string' },
      { long: 'no-trunc', type: 'bool' },
      { long: 'quiet', short: 'q', type: 'bool' },
    ],
    args: { max: 1 },
  },
  run(ctx, d, p) {
    const now = d.clock.now();
    const noTrunc = p.bools.has('no-trunc');
    // The CLI sends REPOSITORY[:TAG] as one more reference filter.
    const specs = [...(p.lists.get('filter') ?? []), ...p.operands.map((o) => `reference=${o}`)];
    const rows = filterImages(d, d.images(true), specs, p.bools.has('all'));
    if (typeof rows === 'string') {
      ctx.stderr(`${rows}\n`);
      return rows.startsWith('invalid argument') ? 125 : 1;
    }
    const data = rows.map((r) => ({
      ID: noTrunc ? r.image.id : r.image.id.slice(7, 19),
      Repository: r.repository,
      Tag: r.tag,
      Digest: r.digest,
      CreatedSince: `${humanDuration(now - r.created)} ago`,
      CreatedAt: goTimeString(r.created),
      Size: humanSize(r.size, 3),
      Containers: 'N/A',
      SharedSize: 'N/A',
      UniqueSize: 'N/A',
      VirtualSize: humanSize(r.size),
    }));
    if (p.bools.has('quiet') && !p.strings.has('format')) {
      // One line a row, as the 20.10 CLI prints them: an image with three tags three times.
      for (const r of data) ctx.stdout(`${r.ID}\n`);
      return 0;
    }
    let format = p.strings.get('format') ?? '';
    if (!format && p.bools.has('digests'))
      format = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
    return printList(ctx, format, data, DOCKER_LISTS.images);
  },
};

export function printList(
  ctx: CommandContext,
  format: string,
  rows: object[],
  kind: Parameters<typeof formatDockerList>[2],
): number {
  const res = formatDockerList(format, rows, kind, '20.10');
  if (res.error) {
    // The CLI returns the formatter's error as a plain error: main prints it and exits 1.
    ctx.stderr(`${res.error.message}\n`);
    return 1;
  }
  ctx.stdout(res.output);
  return 0;
}

export const historyCommand: SubCommand = {
  def: {
    path: 'history',
    usage: 'docker history [OPTIONS] IMAGE',
    summary: 'Show the history of an image',
    flags: [
      { long: 'format', type: 'string' },
      { long: 'human', short: 'H', type: 'bool' },
      { long: 'no-trunc', type: 'bool' },
      { long: 'quiet', short: 'q', type: 'bool' },
    ],
    args: { exact: 1 },
  },
  run(ctx, d, p) {
    const now = d.clock.now();
    const noTrunc = p.bools.has('no-trunc');
    // -H is on unless -H=false: then times as RFC 3339 and sizes in bytes.
    const human = !p.falses.has('human');
    const rows = d.history(operand(p, 0)).map((h) => {
      const by = h.createdBy.replace(/\t/g, ' ');
      const createdAt = new Date(Math.floor(h.created / 1000) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
      return {
        ID: h.id === '<missing>' || noTrunc ? h.id : h.id.slice(7, 19),
        CreatedSince: human ? `${humanDuration(now - h.created)} ago` : createdAt,
        CreatedAt: createdAt,
        CreatedBy: noTrunc ? by : ellipsis(by, 45),
        Size: human ? humanSize(h.size, 3) : String(h.size),
        Comment: h.comment,
      };
    });
    if (p.bools.has('quiet') && !p.strings.has('format')) {
      for (const r of rows) ctx.stdout(`${r.ID}\n`);
      return 0;
    }
    let format = p.strings.get('format') ?? '';
    // The CLI's nonHumanHistoryTableFormat: the CREATED AT column instead of CREATED.
    if (!human && (format === '' || format === 'table'))
      format = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
    return printList(ctx, format, rows, DOCKER_LISTS.history);
  },
};

export const rmiCommand: SubCommand = {
  def: {
    path: 'rmi',
    usage: 'docker rmi [OPTIONS] IMAGE [IMAGE...]',
    summary: 'Remove one or more images',
    flags: [
      { long: 'force', short: 'f', type: 'bool' },
      { long: 'no-prune', type: 'bool' },
    ],
    args: { min: 1 },
  },
  run(ctx, d, p) {
    let code = 0;
    for (const ref of p.operands) {
      try {
        for (const line of d.rmi(ref, p.bools.has('force')))
          ctx.stdout(line.Untagged ? `Untagged: ${line.Untagged}\n` : `Deleted: ${line.Deleted}\n`);
      } catch (e) {
        // The 20.10 CLI checks the image exists itself and words a missing one client-side.
        if (e instanceof DaemonError && e.status === 404) ctx.stderr(`Error: No such image: ${ref}\n`);
        else ctx.stderr(`${daemonMessage(e)}\n`);
        code = 1;
      }
    }
    return code;
  },
};

export const tagCommand: SubCommand = {
  def: {
    path: 'tag',
    usage: 'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
    summary: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
    flags: [],
    args: { exact: 2 },
  },
  run(_ctx, d, p) {
    try {
      parseReference(operand(p, 1));
    } catch (e) {
      throw new CliError(
        `Error parsing reference: "${p.operands[1]}" is not a valid ` +
          `repository/tag: ${e instanceof Error ? e.message : ''}\n`,
        1,
      );
    }
    d.tag(operand(p, 0), operand(p, 1));
    return 0;
  },
};

export const loadCommand: SubCommand = {
  def: {
    path: 'load',
    usage: 'docker load [OPTIONS]',
    summary: 'Load an image from a tar archive or STDIN',
    flags: [
      { long: 'input', short: 'i', type: 'string' },
      { long: 'quiet', short: 'q', type: 'bool' },
    ],
    args: { exact: 0 },
  },
  async run(ctx, d, p) {
    const input = p.strings.get('input');
    let archive: FileContent = ctx.stdin;
    if (input !== undefined) {
      try {
        archive = ctx.proc.readContent(input);
      } catch {
        ctx.stderr(`open ${input}: no such file or directory\n`);
        return 1;
      }
    } else if (ctx.stdinIsTerminal) {
      ctx.stderr('requested load from stdin, but stdin is empty\n');
      return 1;
    }
    let lines: string[];
    try {
      lines = await d.load(archive);
    } catch (e) {
      // The daemon writes a failed load's error into the response stream (streamformatter's
      // FormatError), which the CLI prints as it is: no "Error response from daemon".
      if (!(e instanceof DaemonError)) throw e;
      ctx.stderr(`${e.message}\n`);
      return 1;
    }
    for (const line of lines) ctx.stdout(`${line}\n`);
    return 0;
  },
};

export const saveCommand: SubCommand = {
  def: {
    path: 'save',
    usage: 'docker save [OPTIONS] IMAGE [IMAGE...]',
    summary: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
    flags: [{ long: 'output', short: 'o', type: 'string' }],
    args: { min: 1 },
  },
  async run(ctx, d, p) {
    const output = p.strings.get('output');
    if (output === undefined && ctx.stdoutIsTerminal) {
      ctx.stderr('cowardly refusing to save to a terminal. Use the -o flag or redirect\n');
      return 1;
    }
    const invalid = output === undefined ? undefined : outputPathError(ctx, output);
    if (invalid !== undefined) {
      ctx.stderr(`failed to save image: ${invalid}\n`);
      return 1;
    }
    const archive = d.save(p.operands);
    if (output === undefined) await writeContentTo(ctx.stdout, archive);
    else copyToFile(ctx, output, archive);
    return 0;
  },
};
