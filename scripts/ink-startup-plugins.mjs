// esbuild plugins for any bundle that carries Ink, each taking work off the start-up path before
// the first frame. Measured on the bin, not assumed; bench/ui.ts gives its baseline the same.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

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
      if (!text.includes(YOGA_FETCH))
        throw new Error(`yoga-layout's wasm loader changed: no '${YOGA_FETCH}' in ${args.path}`);
      return { contents: text.replace(YOGA_FETCH, 'function ya(){return true?'), loader: 'js' };
    });
  },
};

/**
 * Every `string-width` in the bundle becomes scripts/lazy-string-width.mjs over string-width 8:
 * - string-width builds its Intl.Segmenter and Unicode-property regexes when it loads (~20 ms,
 *   most of it for `\p{RGI_Emoji}`), though printable ASCII never needs them; the wrapper loads it
 *   on the first string that does.
 * - Ink measures with string-width 8 but its wrap-ansi asks for 7, so a bundle carried both and
 *   built all that twice. wrap-ansi calls only `stringWidth(text)`, which 8 answers the same way,
 *   and measuring wrapped text as Ink measures it is the point.
 */
const require = createRequire(import.meta.url);
const stringWidth8 = require.resolve('string-width');
const wrapper = fileURLToPath(new URL('./lazy-string-width.mjs', import.meta.url));
export const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, () => ({ path: 'string-width', namespace: 'lazy-string-width' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, () => ({
      loader: 'js',
      resolveDir: dirname(wrapper),
      // require(), not import: esbuild then evaluates string-width the first time it is called.
      contents: `import { lazyStringWidth } from ${JSON.stringify(wrapper)};
export default lazyStringWidth(() => require(${JSON.stringify(stringWidth8)}).default);`,
    }));
  },
};

export const inkStartupPlugins = [yogaWithoutFetch, lazyStringWidth];
