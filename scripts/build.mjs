// Bundles src/cli.ts into the one-file bin, dist/cli.js, with production React and without
// react-devtools-core.
//
// Two bundles make that one file. The screen's first frame needs Ink, React and the App; the
// simulator behind it (kernel, daemon, shell, lessons: two thirds of the code) is needed only
// after that frame, and by the other modes. Imported lazily inside one bundle, that code would
// still be parsed by V8 when the bin starts, and parsing was most of the start-up time
// (measured: 157 ms of 260). So src/simulator-entry.ts, the one door to it, is bundled on its
// own, packed, and carried at the end of the bin in a comment, which V8 skips at start-up far
// faster than it scans a string literal (measured on a copy of a minimal Ink app carrying the
// same 470 KB: a string literal cost it ~10 M instructions, the comment ~2 M). The first mode to
// need the simulator reads it back from the file and compiles it.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { compileLessons } from './compile-lessons.mjs';
import { inkStartupPlugins } from './ink-startup-plugins.mjs';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const BIN_URL = '__overlayTutorBinUrl';

/** Options both bundles share. */
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  // Ink can load react-devtools-core when DEV is set; it is never wanted in the bin.
  // ws only serves Ink's devtools polyfill (DEV=true), which the bin never runs.
  alias: { 'react-devtools-core': './scripts/empty-module.mjs', ws: './scripts/empty-module.mjs' },
  jsx: 'automatic',
  define: {
    'process.env.NODE_ENV': '"production"',
    __OVERLAY_TUTOR_VERSION__: JSON.stringify(pkg.version),
  },
  logLevel: 'warning',
};

// The packages both halves use: the simulator's half gets the first-frame half's own copies (one
// React, whose hooks keep their state in the module, and one Ink, which holds the terminal),
// which src/ui/run.tsx lends it in globalThis.__overlayTutorShared when the screen starts. Only the
// Screen asks for them (src/simulator-entry.ts imports it lazily): the other modes never
// evaluate Ink.
const SHARED = ['react', 'react/jsx-runtime', 'ink'];

// The simulator's half, as CommonJS (it has no top-level await, unlike Ink) so that it can be
// compiled from a string with a file name of its own. Its import.meta.url would be undefined
// there: it reads the bin's instead (to find lessons/ and jq.wasm beside the package).
const lazy = await build({
  ...common,
  entryPoints: ['src/simulator-entry.ts'],
  format: 'cjs',
  write: false,
  external: SHARED,
  define: { ...common.define, 'import.meta.url': `globalThis.${BIN_URL}` },
});
const [lazyOut] = lazy.outputFiles;
// A CommonJS bundle's metafile lists no exports: ask esbuild for the entry's own export names.
const entryScan = await build({
  entryPoints: ['src/simulator-entry.ts'],
  bundle: false,
  format: 'esm',
  write: false,
  metafile: true,
  logLevel: 'warning',
});
// Brotli and base64 make it a quarter of the code's size, in characters a comment can hold.
const packed = brotliCompressSync(Buffer.from(lazyOut.text), {
  params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 },
}).toString('base64');
/** Opens the comment that carries the simulator: the last thing in the bin. */
const PAYLOAD_MARK = '/*overlay-tutor simulator:';
const lazyExports = Object.values(entryScan.metafile.outputs)[0].exports;

/** Resolves `import('…/simulator-entry.js')` to a module that compiles the bundle at the bin's end. */
const embedSimulator = {
  name: 'embed-simulator',
  setup(b) {
    b.onResolve({ filter: /simulator-entry\.js$/ }, () => ({ path: 'simulator-entry', namespace: 'embedded' }));
    b.onLoad({ filter: /.*/, namespace: 'embedded' }, () => ({
      loader: 'js',
      // node:fs, node:zlib and node:vm through require(), not import: imports would load them when
      // the bin starts, before the first frame, which does not need them.
      contents: `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
globalThis.${BIN_URL} = import.meta.url;
const bin = require('node:fs').readFileSync(new URL(import.meta.url), 'latin1');
const at = bin.lastIndexOf(${JSON.stringify(PAYLOAD_MARK)}) + ${PAYLOAD_MARK.length};
const code = require('node:zlib').brotliDecompressSync(Buffer.from(bin.slice(at, bin.indexOf('*/', at)), 'base64')).toString('utf8');
const module = { exports: {} };
require('node:vm').compileFunction(code, ['require', 'module', 'exports'], { filename: 'overlay-tutor:simulator' })((id) => globalThis.__overlayTutorShared?.[id] ?? require(id), module, module.exports);
export const { ${lazyExports.join(', ')} } = module.exports;`,
    }));
  },
};

const bin = await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  metafile: true,
  plugins: [embedSimulator, ...inkStartupPlugins],
  banner: {
    // A bundled ESM file still meets CommonJS dependencies that call require().
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  footer: { js: `${PAYLOAD_MARK}${packed}*/` },
});

// jq's WebAssembly is the one thing the bundle cannot hold (1.3 MB of base64 that every start
// would parse: src/io/jq-wasm-loader.ts): it goes beside the bin, where the loader looks first,
// so the installed package needs no jq-wasm, and no dependency at all.
await mkdir('dist', { recursive: true });
await copyFile(createRequire(import.meta.url).resolve('jq-wasm/jq.wasm'), 'dist/jq.wasm');

// The lessons, validated and compiled to the JSON the bin reads (scripts/compile-lessons.mjs): a
// broken lesson fails the build.
const compiled = await compileLessons('lessons', 'dist/lessons');
if (compiled.problems.length) {
  console.error(`build: the lessons have problems:\n${compiled.problems.join('\n')}`);
  process.exit(1);
}

// The first frame's half holds the command line, the App and its first frame, and nothing else of
// ours: one stray import (a helper living in the shell, say, or the Screen) drags its modules into
// what every start-up parses. The rest belongs behind src/simulator-entry.ts.
const FIRST_FRAME = new Set([
  'src/cli.ts',
  'src/cli-modes.ts',
  'src/version.ts',
  'src/i18n/index.ts',
  'src/ui/run.tsx',
  'src/ui/app.tsx',
  'src/ui/first-prompt.ts',
  'src/io/lesson-index.ts',
  'src/io/progress-path.ts',
  'src/lessons/lesson-map.ts',
  'src/lessons/tutor-strings.ts',
  'src/ui/full-screen.ts',
  // --date is refused (or read) before the screen opens: a date parser of fifty lines.
  'src/host/host-time.ts',
]);
const stray = Object.keys(bin.metafile.inputs).filter((f) => f.startsWith('src/') && !FIRST_FRAME.has(f));
if (stray.length) {
  console.error(
    `build: the bin's first-frame code imports modules it does not need (keep them behind src/simulator-entry.ts):\n  ${stray.join('\n  ')}`,
  );
  process.exit(1);
}

// V8 reads a source with one non-ASCII character in it as two-byte text, all of it: the bin must
// stay ASCII. esbuild escapes strings but leaves regex literals as written (write \u escapes).
const binText = await readFile('dist/cli.js', 'latin1');
const wide = binText.search(/[^\x00-\x7f]/);
if (wide !== -1) {
  console.error(
    `build: dist/cli.js has a non-ASCII character at offset ${wide}, in: ${JSON.stringify(binText.slice(Math.max(0, wide - 60), wide + 20))}\n  write it as a \\u escape in the source`,
  );
  process.exit(1);
}
