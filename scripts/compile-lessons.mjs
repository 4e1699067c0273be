// Compiles lessons/ for the bin at build time: every lesson read by the run-time loader
// (src/io/lesson-files.ts: the YAML parsed with node positions, the zod schema, the checks across
// files), then written as the JSON src/io/lesson-index.ts reads — so the bin parses no YAML and
// runs no schema for its own lessons, and a broken lesson fails the build, named by
// file:line:column.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The loader and the index's file names, from the TypeScript sources, bundled into a
 * temporary file and imported. */
async function loaderModules() {
  const dir = await mkdtemp(join(tmpdir(), 'ot-lessons-'));
  const outfile = join(dir, 'loader.mjs');
  await build({
    stdin: {
      contents: `export { readLessons } from './src/io/lesson-files.ts';
export { LESSON_INDEX, stepTextsFile } from './src/io/lesson-index.ts';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    // yaml is CommonJS and calls require().
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Reads the lesson folders in `from` and writes them compiled into `to` (emptied first). Gives the
 * problems found ("path:line:column: message", the path as `from` relative to the working
 * directory); where there is one, nothing is written.
 */
export async function compileLessons(from, to) {
  const { readLessons, LESSON_INDEX, stepTextsFile } = await loaderModules();
  const { lessons, problems } = readLessons(from, relative(process.cwd(), from) || '.');
  if (!problems.length && !lessons.length) problems.push(`${from}: no lesson folders (NN-name) in it`);
  if (problems.length) return { problems, lessons: 0 };
  await rm(to, { recursive: true, force: true });
  await mkdir(to, { recursive: true });
  const index = [];
  for (const { folder, data, texts } of lessons) {
    const heads = {};
    for (const [lang, { steps, ...head }] of Object.entries(texts)) {
      heads[lang] = head;
      await writeFile(join(to, stepTextsFile(folder, lang)), JSON.stringify(steps));
    }
    index.push({ folder, data, heads });
  }
  await writeFile(join(to, LESSON_INDEX), JSON.stringify(index));
  return { problems, lessons: lessons.length };
}
