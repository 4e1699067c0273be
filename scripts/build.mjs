// Bundles src/cli.ts into the one-file bin, dist/cli.js. Production React (when the UI lands)
// and no react-devtools-core: both keep the first frame fast.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/cli.ts'],
  // Ink can load react-devtools-core when DEV is set; it is never wanted in the bin.
  // ws only serves Ink's devtools polyfill (DEV=true), which the bin never runs.
  alias: { 'react-devtools-core': './scripts/empty-module.mjs', ws: './scripts/empty-module.mjs' },
  jsx: 'automatic',
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  banner: {
    // A bundled ESM file still meets CommonJS dependencies that call require().
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  define: {
    'process.env.NODE_ENV': '"production"',
    __OVERLAY_TUTOR_VERSION__: JSON.stringify(pkg.version),
  },
  logLevel: 'warning',
});
