// Bundles src/cli.ts into the one-file bin, dist/cli.js, with production React and without
// react-devtools-core.
//
// Two bundles make that one file. The screen's first frame needs Ink, React and the App; the
// simulator behind it (kernel, daemon, shell, lessons: two thirds of the code) is needed only
// after that frame, and by the other modes. Imported lazily inside one bundle, that code would
// still be parsed by V8 when the bin starts, and parsing was most of the start-up time
// (measured: 157 ms of 260). So src/simulator-entry.ts, the one door to it, is bundled on its
// own and embedded in the bin as a packed string, which V8 scans without parsing; it is
// compiled the first time cli.ts or the screen imports that door.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
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

// The simulator's half, as CommonJS (it has no top-level await, unlike Ink) so that it can be
// compiled from a string with a file name of its own. Its import.meta.url would be undefined
// there: it reads the bin's instead (to find lessons/ and jq.wasm beside the package).
const lazy = await build({
  ...common,
  entryPoints: ['src/simulator-entry.ts'],
  format: 'cjs',
  write: false,
  define: { ...common.define, 'import.meta.url': `globalThis.${BIN_URL}` },
});
const [lazyOut] = lazy.outputFiles;
// A CommonJS bundle's metafile lists no exports: ask esbuild for the entry's own export names.
const entryScan = await build({ entryPoints: ['src/simulator-entry.ts'], bundle: false, format: 'esm', write: false, metafile: true, logLevel: 'warning' });
// Brotli and base64 make the string a quarter of the code's size: less for V8 to scan at start-up.
const packed = brotliCompressSync(Buffer.from(lazyOut.text), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).toString('base64');
const lazyExports = Object.values(entryScan.metafile.outputs)[0].exports;

/** Resolves `import('…/simulator-entry.js')` to a module that imports the embedded bundle. */
const embedSimulator = {
  name: 'embed-simulator',
  setup(b) {
    b.onResolve({ filter: /simulator-entry\.js$/ }, () => ({ path: 'simulator-entry', namespace: 'embedded' }));
    b.onLoad({ filter: /.*/, namespace: 'embedded' }, () => ({
      loader: 'js',
      // node:zlib and node:vm through require(), not import: imports would load them when the
      // bin starts, before the first frame, which does not need them.
      contents: `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
globalThis.${BIN_URL} = import.meta.url;
const code = require('node:zlib').brotliDecompressSync(Buffer.from('${packed}', 'base64')).toString('utf8');
const module = { exports: {} };
require('node:vm').compileFunction(code, ['require', 'module', 'exports'], { filename: 'overlay-tutor:simulator' })(require, module, module.exports);
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
});

// The first frame's half must stay free of the simulator: one stray import (a helper living in
// the shell, say) drags the daemon's modules in, and start-up slows for every learner.
const SIMULATOR = /^src\/(kernel|shell|host|lessons|docker\/(engine|registry|builder))\//;
const stray = Object.keys(bin.metafile.inputs).filter((f) => SIMULATOR.test(f));
if (stray.length) {
  console.error(`build: the bin's first-frame code imports simulator modules (keep them behind src/simulator-entry.ts):\n  ${stray.join('\n  ')}`);
  process.exit(1);
}
