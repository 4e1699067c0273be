// docker export and docker import, with the 20.10 CLI's texts.
import { type FileContent, isKernelError } from '../../../kernel/index.js';
import { parseReference } from '../../../docker/registry/types.js';
import { writeContentTo } from '../../content-output.js';
import { operand } from './flags.js';
import { copyToFile, outputPathError, type SubCommand } from './util.js';

export const exportCommand: SubCommand = {
  def: {
    path: 'export',
    usage: 'docker export [OPTIONS] CONTAINER',
    summary: "Export a container's filesystem as a tar archive",
    flags: [{ long: 'output', short: 'o', type: 'string' }],
    args: { exact: 1 },
  },
  async run(ctx, d, p) {
    const out = p.strings.get('output');
    if (out === undefined && ctx.stdoutIsTerminal) {
      ctx.stderr('cowardly refusing to save to a terminal. Use the -o flag or redirect\n');
      return 1;
    }
    const invalid = out === undefined ? undefined : outputPathError(ctx, out);
    if (invalid !== undefined) {
      ctx.stderr(`failed to export container: ${invalid}\n`);
      return 1;
    }
    const tar = d.export(operand(p, 0));
    if (out === undefined) await writeContentTo(ctx.stdout, tar);
    else copyToFile(ctx, out, tar);
    return 0;
  },
};

export const importCommand: SubCommand = {
  def: {
    path: 'import',
    usage: 'docker import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
    summary: 'Import the contents from a tarball to create a filesystem image',
    flags: [
      { long: 'change', short: 'c', type: 'list' },
      { long: 'message', short: 'm', type: 'string' },
      { long: 'platform', type: 'string' },
    ],
    // cli.RequiresMinArgs(1): operands past the reference are ignored, as the 20.10 CLI does.
    args: { min: 1 },
  },
  async run(ctx, d, p) {
    const src = operand(p, 0);
    const ref = p.operands[1];
    let tar: FileContent;
    if (src === '-') tar = ctx.stdin;
    else if (/^https?:\/\//.test(src)) {
      ctx.stderr('docker import from a URL: not simulated here (the tutor has no network)\n');
      return 1;
    } else {
      try {
        tar = ctx.proc.readContent(src);
      } catch (e) {
        if (!isKernelError(e)) throw e;
        ctx.stderr(`open ${src}: ${e.code === 'EISDIR' ? 'is a directory' : 'no such file or directory'}\n`);
        return 1;
      }
    }
    if (ref !== undefined) {
      // The CLI opens the file first; the client then checks the reference before it sends.
      try {
        parseReference(ref);
      } catch (e) {
        ctx.stderr(`${e instanceof Error ? e.message : String(e)}\n`);
        return 1;
      }
    }
    ctx.stdout(`${await d.import(tar, ref, p.strings.get('message'), p.lists.get('change') ?? [])}\n`);
    return 0;
  },
};
