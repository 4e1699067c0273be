// The simulated host's jq asks for its WebAssembly through setJqWasmSource; the bin wires the
// real file in at its door (src/simulator-entry.ts), and every test file gets the same wiring here.
import { loadJqWasmBinary } from '../../src/io/jq-wasm-loader.js';
import { setJqWasmSource } from '../../src/shell/commands/jq/index.js';

setJqWasmSource(loadJqWasmBinary);
