// `docker build [-t NAME[:TAG]]… [--no-cache] [-f FILE] PATH`: the CLI reads the context
// directory from the host and hands it to the classic builder (src/docker/builder).
import { build } from '../../../docker/builder/build.js';
import { engineBuildBackend } from '../../../docker/builder/engine-backend.js';
import { formatContextSize } from '../../../docker/builder/instructions.js';
import { gunzipSync } from 'node:zlib';
import { memberContent, tarMembers } from '../../../docker/tar-reader.js';
import { contentBytes, isKernelError, type Proc } from '../../../kernel/index.js';
import { operand } from './flags.js';
import { goClean, type SubCommand } from './util.js';

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

type Context = ReturnType<typeof readContext>;

/**
 * `docker build -`: standard input is the context when it is an archive (tar, gzipped or not),
 * else the Dockerfile alone, which the CLI packs as the context's one file (GetContextFromReader).
 */
function stdinContext(stdin: Uint8Array): { context: Context; archive: boolean } | string {
  const gzipped = stdin[0] === 0x1f && stdin[1] === 0x8b;
  const data = gzipped ? new Uint8Array(gunzipSync(stdin)) : stdin;
  const isTar = data.length >= 512 && new TextDecoder().decode(data.subarray(257, 262)) === 'ustar';
  if (!isTar && !gzipped) {
    const files = new Map([['Dockerfile', { data: stdin, mode: 0o600 }]]);
    return { context: { files, bytes: 1024 + 512 + Math.ceil(stdin.length / 512) * 512 }, archive: false };
  }
  const files: Context['files'] = new Map();
  try {
    for (const m of tarMembers(data))
      if (m.header.type === 'file' || m.header.type === null)
        files.set(m.header.name.replace(/^(\.\/)+/, ''), {
          data: contentBytes(memberContent(data, m)),
          mode: m.header.mode & 0o7777,
        });
  } catch {
    return 'Error response from daemon: unexpected EOF';
  }
  return { context: { files, bytes: stdin.length }, archive: true };
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
    // -q keeps what the build printed, and the CLI writes it to standard error only if the build
    // fails, before the error.
    const quiet = p.bools.has('quiet');
    let kept = '';
    const out = (s: string) => {
      if (quiet) kept += s;
      else ctx.stdout(s);
    };
    const failed = (message: string): number => {
      ctx.stderr(`${kept}${message}\n`);
      return 1;
    };
    let context: Context;
    let dockerfile: string;
    if (dir === '-') {
      const fromStdin = stdinContext(ctx.stdin);
      if (typeof fromStdin === 'string') return failed(fromStdin);
      context = fromStdin.context;
      const name = fromStdin.archive ? dockerfileName : 'Dockerfile';
      const df = context.files.get(name);
      if (!df) {
        // The daemon looks for it in the context it was sent.
        out(`Sending build context to Docker daemon  ${formatContextSize(context.bytes)}\r\r\n`);
        return failed(`Error response from daemon: Cannot locate specified Dockerfile: ${name}`);
      }
      dockerfile = new TextDecoder().decode(df.data);
    } else {
      // The CLI takes a local directory only; anything else it cannot find is no context.
      let isDir = false;
      try {
        isDir = ctx.proc.stat(dir).type === 'dir';
      } catch {
        // no such path
      }
      if (!isDir) return failed(`unable to prepare context: path "${dir}" not found`);
      context = readContext(ctx.proc, dir);
      // -f names a file from the working directory, as any path typed; without it the context's.
      const abs = (path: string) => (path.startsWith('/') ? path : `${ctx.proc.realpath('.')}/${path}`);
      const named = p.strings.get('file');
      const dfPath = named !== undefined ? abs(named) : `${abs(dir)}/Dockerfile`;
      try {
        dockerfile = new TextDecoder().decode(ctx.proc.readFile(dfPath));
      } catch (e) {
        if (!isKernelError(e, 'ENOENT')) throw e;
        return failed(
          'unable to prepare context: unable to evaluate symlinks in Dockerfile path: ' +
            `lstat ${goClean(dfPath)}: no such file or directory`,
        );
      }
    }
    const result = await build(
      engineBuildBackend(d),
      { dockerfile, dockerfileName, files: context.files, contextBytes: context.bytes },
      { tags: p.lists.get('tag') ?? [], noCache: p.bools.has('no-cache'), budget: ctx.budget },
      out,
      (s) => (quiet ? void (kept += s) : ctx.stderr(s)),
    );
    if (quiet && result.exitCode !== 0) ctx.stderr(kept);
    if (quiet && result.imageId) ctx.stdout(`${result.imageId}\n`);
    return result.exitCode;
  },
};
