// The simulator's side of a benchmark whose memory counts: bundled as the bin bundles it and
// run in a process of its own (`node --expose-gc`), so that its RSS is the simulator's alone.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Bundles bench/<entry> into dir; returns the bundle's path. */
export async function bundleHost(entry: string, dir: string): Promise<string> {
  const out = join(dir, entry.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [fileURLToPath(new URL(`./${entry}`, import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  return out;
}

/** Runs a bundled host with args; its one line of JSON, or why it failed (a string). */
export function runHost<T>(bundle: string, args: string[]): T | string {
  const r = spawnSync(process.execPath, ['--expose-gc', bundle, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) return r.stderr.trim().split('\n').slice(-3).join(' ') || `exit status ${r.status}`;
  return JSON.parse(r.stdout) as T;
}
