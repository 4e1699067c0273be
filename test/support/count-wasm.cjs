// Preloaded into a child node (--require) by test/io/script-mode.test.ts: counts the
// WebAssembly modules the process compiles (Ink's layout engine, yoga, is one, compiled when Ink
// is evaluated) and says how many when it exits.
let compiled = 0;
const { compile, instantiate } = WebAssembly;
WebAssembly.compile = (...args) => ((compiled += 1), compile(...args));
WebAssembly.instantiate = (source, ...rest) => (
  (compiled += source instanceof WebAssembly.Module ? 0 : 1), instantiate(source, ...rest)
);
WebAssembly.Module = new Proxy(WebAssembly.Module, {
  construct: (target, args) => ((compiled += 1), Reflect.construct(target, args)),
});
process.on('exit', () => process.stderr.write(`wasm modules compiled: ${compiled}\n`));
