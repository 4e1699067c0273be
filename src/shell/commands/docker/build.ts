// `docker build [-t NAME[:TAG]]… [--no-cache] [-f FILE] PATH`: the CLI reads the context
// directory from the host and hands it to the classic builder (src/docker/builder).
import { build } from '../../../docker/builder/build.js';
import { engineBuildBackend } from '../../../docker/builder/engine-backend.js';
import { isKernelError, type Proc } from '../../../kernel/index.js';
import { operand } from './flags.js';
import type { SubCommand } from './util.js';

function readContext(
  proc: Proc,
  dir: string,
): { files: Map<string, { data: Uint8Array; mode: number }>; bytes: number } {
  const files = new Map<string, { data: Uint8Array; mode: number }>();
  let bytes = 1024; // the tar's end-of-archive blocks
  const walk = (rel: string): void => {
    for (const e of proc.readdir(rel === '' ? dir : `${dir}/${rel}`)) {
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      const st = proc.lstat(`${dir}/${path}`);
      bytes += 512;
      if (st.type === 'dir') walk(path);
      else if (st.type === 'file') {
        const data = proc.readFile(`${dir}/${path}`);
        files.set(path, { data, mode: st.mode & 0o7777 });
        bytes += Math.ceil(data.length / 512) * 512;
      }
    }
  };
  walk('');
  return { files, bytes };
}

export const buildCommand: SubCommand = {
  def: {
    path: 'build',
    usage: 'docker build [OPTIONS] PATH | URL | -',
    summary: 'Build an image from a Dockerfile',
    flags: [
      { long: 'tag', short: 't', type: 'list' },
      { long: 'file', short: 'f', type: 'string' },
      { long: 'no-cache', type: 'bool' },
      { long: 'quiet', short: 'q', type: 'bool' },
      { long: 'rm', type: 'bool' },
      { long: 'build-arg', type: 'list' },
    ],
    args: { exact: 1 },
  },
  async run(ctx, d, p) {
    const dir = operand(p, 0);
    const dockerfileName = p.strings.get('file') ?? 'Dockerfile';
    let context;
    let dockerfile: string;
    try {
      if (ctx.proc.stat(dir).type !== 'dir') {
        ctx.stderr(`unable to prepare context: path "${dir}" not found\n`);
        return 1;
      }
      context = readContext(ctx.proc, dir);
      const dfPath = dockerfileName.startsWith('/') ? dockerfileName : `${dir}/${dockerfileName}`;
      dockerfile = new TextDecoder().decode(ctx.proc.readFile(dfPath));
    } catch (e) {
      if (isKernelError(e, 'ENOENT')) {
        ctx.stderr(
          'unable to prepare context: unable to evaluate symlinks in ' +
            `Dockerfile path: lstat ${ctx.proc.realpath('.')}/` +
            `${dir === '.' ? '' : `${dir}/`}${dockerfileName}: no such ` +
            'file or directory\n',
        );
        return 1;
      }
      throw e;
    }
    const quiet = p.bools.has('quiet');
    const out = (s: string) => {
      if (!quiet) ctx.stdout(s);
    };
    const result = await build(
      engineBuildBackend(d),
      { dockerfile, dockerfileName, files: context.files, contextBytes: context.bytes },
      { tags: p.lists.get('tag') ?? [], noCache: p.bools.has('no-cache'), budget: ctx.budget },
      out,
      (s) => ctx.stderr(s),
    );
    if (quiet && result.imageId) ctx.stdout(`${result.imageId}\n`);
    return result.exitCode;
  },
};
