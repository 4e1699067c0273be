// An esbuild plugin for any bundle that carries Ink: see the comment below.
import { readFile } from 'node:fs/promises';

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
