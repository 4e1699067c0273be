// esbuild plugins for any bundle that carries Ink, each taking work off the start-up path before
// the first frame. Measured on the bin, not assumed; bench/ui.ts gives its baseline the same.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * yoga-layout (Ink's layout engine) carries its WebAssembly as a base64 data: URL and, wherever
 * a global fetch exists, reads it with fetch(). In Node that loads undici, Node's whole HTTP
 * client, for a string already in memory: ~15 ms before the first frame. The emscripten loader
 * decodes the URL itself when fetch is absent; this makes it take that path. The build fails if
 * yoga-layout changes and the line is no longer there.
 */
const YOGA_FETCH = 'function ya(){return w||"function"!=typeof fetch?';
export const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(YOGA_FETCH)) throw new Error(`yoga-layout's wasm loader changed: no '${YOGA_FETCH}' in ${args.path}`);
      return { contents: text.replace(YOGA_FETCH, 'function ya(){return true?'), loader: 'js' };
    });
  },
};

/**
 * Ink measures text with string-width 8; its wrap-ansi still asks for string-width 7, so a bundle
 * carries both, and each builds an Intl.Segmenter and compiles Unicode-property regexes when it
 * loads (~8 ms for the second copy in profiles). wrap-ansi calls only `stringWidth(text)`, which
 * version 8 answers the same way, and measuring wrapped text as Ink measures it is the point.
 */
const stringWidth8 = createRequire(import.meta.url).resolve('string-width');
export const oneStringWidth = {
  name: 'one-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) => (/[\\/]node_modules[\\/]wrap-ansi[\\/]/.test(args.importer) ? { path: stringWidth8 } : undefined));
  },
};

export const inkStartupPlugins = [yogaWithoutFetch, oneStringWidth];
