// Finds and reads jq's WebAssembly binary for src/shell/commands/jq/index.ts. This is the one place the jq
// command touches the real disk, and it only reads this one file.
//
// Why a file at all: jq-wasm ships the binary as dist/build/jq.wasm (929 KB). Its `jq-wasm/inline`
// entry embeds the same bytes as base64 instead, but that puts 1.3 MB of JavaScript into the
// one-file bin and costs every start of the tutor (even --version) about 30 ms to parse. Reading
// the file on the first `jq` costs nothing until then.
//
// Where it looks, in order:
//   1. next to the running module: dist/jq.wasm beside the bundled dist/cli.js, where the build
//      copies it (the installed package has no dependencies: this copy is the one it has);
//   2. the jq-wasm package itself, through its `jq-wasm/jq.wasm` export: a devDependency, which
//      is what tests and `tsx` runs use.
//
// Wiring, from the host side (imports run host -> shell, never back):
//   setJqWasmSource(loadJqWasmBinary)   // setJqWasmSource from src/shell/commands/jq/index.ts
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The file name the build may copy the binary to, beside the bundle. */
export const JQ_WASM_FILE = 'jq.wasm';

function candidates(): string[] {
  const found: string[] = [];
  try {
    found.push(fileURLToPath(new URL(`./${JQ_WASM_FILE}`, import.meta.url)));
  } catch {
    // Not a file: URL (never the case under Node): skip.
  }
  try {
    found.push(createRequire(import.meta.url).resolve('jq-wasm/jq.wasm'));
  } catch {
    // jq-wasm is not installed beside us: only the copy next to the bundle can serve.
  }
  return found;
}

/** Reads jq.wasm's bytes; rejects with every place tried when none holds it. */
export async function loadJqWasmBinary(): Promise<Uint8Array> {
  const tried: string[] = [];
  for (const path of candidates()) {
    try {
      return new Uint8Array(await readFile(path));
    } catch (err) {
      tried.push(`${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  throw new Error(`cannot find ${JQ_WASM_FILE}; tried: ${tried.join(', ') || 'nothing'}`);
}
