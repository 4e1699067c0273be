// Cold and warm cost per command line of our shell parser (src/shell/bash/parser.ts), against the
// candidate it replaced, sh-syntax (mvdan/sh built to WASM). Run: node --import tsx bench/parser.ts
//
// Cold = a fresh node process importing the parser and parsing one line (median of 5 runs);
// ours is measured from its esbuild bundle, the form the published bin carries. Warm = the
// mean per line over the sample, repeated until the timing is stable.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// The WebAssembly global is real in node, but outside this project's type libraries (no DOM).
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      compile(bytes: Uint8Array): Promise<object>;
      instantiate(module: object, imports: object): Promise<object>;
    };
  }
).WebAssembly;

// Lines from the seed articles, plus what learners add (loops, tests, redirects, heredocs).
const SAMPLE = [
  'docker info',
  'docker pull ubuntu:20.04',
  'docker build -t hello-ubuntu .',
  'cd /var/lib/docker/image/overlay2/layerdb/sha256/',
  'ls -l /var/lib/docker/overlay2/l/',
  'cat /var/lib/docker/overlay2/2c6053a92a43d11075a97f6f1163291136e3e3b3048a5fbf2a827e6de58335b2/lower ',
  `echo -n "sha256:9f54eef412758095c8079ac465d494a2872e02e90bf1fb5f12a1641c0d1bb78b sha256:b3cce2ce0405ffbb4971b872588c5b7fc840514b807f18047bf7d486af79884c" | sha256sum| awk '{print $1}'`,
  'cat lower | xargs echo',
  'docker run --name=nginx -d -v /tmp/test.txt:/tmp/test.txt nginx',
  `docker inspect nginx | jq '.[0].GraphDriver.Data.LowerDir' | awk -F: '{for (i=1; i<=NF; i++) print "Layer " i ": " $i}'| sed 's/"//g'`,
  `find $(docker inspect nginx | jq -r '.[0].GraphDriver.Data.LowerDir' | tr ':' ' ') -type f -name "nginx.conf" | xargs ls -i`,
  `UPPER_DIR=$(docker inspect nginx | jq -r '.[0].GraphDriver.Data.UpperDir')`,
  'find "$UPPER_DIR" -type f -name "nginx.conf" | xargs ls -i',
  'echo 123 >> nginx.conf',
  'for f in /var/lib/docker/overlay2/*/diff; do ls -a "$f"; done',
  'if [ -e /merged/a.txt ]; then echo yes; else echo no; fi 2>/dev/null',
  'mount -t overlay overlay -o lowerdir=lower,upperdir=upper,workdir=work merged && ls merged || echo $?',
  'cat > Dockerfile <<EOF\nFROM ubuntu:20.04\nRUN echo "Hello world" > /tmp/newfile\nEOF',
];

const MALFORMED = ['fi', 'echo "abc', 'ls |', 'for i in a b; do echo $i'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Runs `code` as an ES module in a fresh node, from the repo root, and returns its JSON. */
function inFreshNode(code: string): Record<string, number | string> {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
  const [firstLine = ''] = (child.stderr || child.stdout).trim().split('\n');
  if (child.status !== 0) return { failed: firstLine };
  return JSON.parse(child.stdout) as Record<string, number | string>;
}

function coldRuns(code: string): { load: number; first: number } | string {
  const runs = Array.from({ length: 5 }, () => inFreshNode(code));
  const failed = runs.find((run) => 'failed' in run);
  if (failed) return String(failed.failed);
  return { load: median(runs.map((r) => Number(r.load))), first: median(runs.map((r) => Number(r.first))) };
}

/** Mean milliseconds per line, repeating the sample until `budgetMs` has passed. */
async function warm(parseLine: (line: string) => unknown, budgetMs: number): Promise<number> {
  for (const line of SAMPLE) await parseLine(line); // warm-up: compile, JIT
  let lines = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    for (const line of SAMPLE) await parseLine(line);
    lines += SAMPLE.length;
  }
  return (performance.now() - start) / lines;
}

const ms = (value: number) => (value < 0.1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(2)} ms`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const work = mkdtempSync(join(tmpdir(), 'parser-bench-'));
try {
  // --- bundle impact -------------------------------------------------------------------------
  const oursBundle = join(work, 'ours.mjs');
  const bundleOptions = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  } as const;
  await build({ ...bundleOptions, entryPoints: [join(root, 'src/shell/bash/parser.ts')], outfile: oursBundle });
  const minified = await build({
    ...bundleOptions,
    entryPoints: [join(root, 'src/shell/bash/parser.ts')],
    write: false,
    minify: true,
  });
  const [oursOut] = minified.outputFiles;
  if (!oursOut) throw new Error('esbuild wrote no output for the parser');
  const oursMin = oursOut.contents;

  // sh-syntax bundled the way scripts/build.mjs bundles the bin, then run from another folder.
  const shEntry = join(work, 'sh-entry.ts');
  writeFileSync(shEntry, "import { parse } from 'sh-syntax';\nconsole.log(JSON.stringify(await parse('echo hi')));\n");
  const shBundle = join(work, 'dist', 'cli.js');
  await build({
    ...bundleOptions,
    entryPoints: [shEntry],
    outfile: shBundle,
    nodePaths: [join(root, 'node_modules')],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
  });
  const shBundled = spawnSync(process.execPath, [shBundle], { cwd: work, encoding: 'utf8' });
  const shWasm = statSync(join(root, 'node_modules/sh-syntax/main.wasm')).size;

  // --- cold ----------------------------------------------------------------------------------
  const line = JSON.stringify(SAMPLE[10]);
  const oursCold = coldRuns(`const t0 = performance.now();
const { parseCommandLine } = await import(${JSON.stringify(pathToFileURL(oursBundle).href)});
const t1 = performance.now(); parseCommandLine(${line}); const t2 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1 }));`);
  const shCold = coldRuns(`const t0 = performance.now();
const { parse } = await import('sh-syntax');
const t1 = performance.now(); await parse(${line}); const t2 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1 }));`);

  // --- warm ----------------------------------------------------------------------------------
  const ours = (await import(pathToFileURL(oursBundle).href)) as typeof import('../src/shell/bash/parser.js');
  const sh = await import('sh-syntax');
  const oursWarm = await warm((l) => ours.parseCommandLine(l), 1000);
  const shWarm = await warm((l) => sh.parse(l).catch(() => undefined), 1500);
  // sh-syntax's best case: compile the WASM once and only instantiate per parse (its API makes
  // a fresh Go runtime for every call).
  const module = await wasm.compile(readFileSync(join(root, 'node_modules/sh-syntax/main.wasm')));
  const cached = sh.getProcessor(((imports: object) => wasm.instantiate(module, imports)) as Parameters<
    typeof sh.getProcessor
  >[0]);
  const shCachedWarm = await warm((l) => cached(l).catch(() => undefined), 1500);

  // --- report --------------------------------------------------------------------------------
  const cold = (c: typeof oursCold) =>
    typeof c === 'string' ? `failed: ${c}` : `import ${ms(c.load)} + first parse ${ms(c.first)}`;
  console.log(`Sample: ${SAMPLE.length} lines (seed articles and learner constructs)\n`);
  console.log('ours (src/shell/bash/parser.ts, recursive descent, synchronous)');
  console.log(`  cold   ${cold(oursCold)}`);
  console.log(`  warm   ${ms(oursWarm)} per line`);
  console.log(
    `  bundle ${kb(statSync(oursBundle).size)} (${kb(oursMin.length)} minified, ${kb(gzipSync(oursMin).length)} gzip), no other files`,
  );
  console.log('\nsh-syntax 0.7 (mvdan/sh in WASM, asynchronous)');
  console.log(`  cold   ${cold(shCold)}`);
  console.log(`  warm   ${ms(shWarm)} per line (parse()), ${ms(shCachedWarm)} per line with a precompiled module`);
  console.log(`  bundle ${kb(statSync(shBundle).size)} JS + ${kb(shWasm)} main.wasm, which must ship beside the bin`);
  const bundledOutcome =
    shBundled.status === 0
      ? 'works'
      : `fails: ${
          shBundled.stderr
            .trim()
            .split('\n')
            .find((l) => /Error/.test(l)) ?? shBundled.stderr.trim()
        }`;
  console.log(`  bundled as scripts/build.mjs does: ${bundledOutcome}`);
  const tree = (await sh.parse('echo hi')) as { Stmts: { Cmd: object }[] };
  const cmdKeys = Object.keys(tree.Stmts[0]?.Cmd ?? {}).join(', ');
  console.log(`  AST of 'echo hi': Stmts[0].Cmd has only {${cmdKeys}}: the command itself is lost`);
  console.log("\nError texts (ours are bash 5.2's words):");
  for (const input of MALFORMED) {
    const result = ours.parseCommandLine(input);
    const oursText = result.status === 'ok' ? 'ok' : `${result.status}: ${ours.formatSyntaxError(result.error)}`;
    const shText = await sh.parse(input).then(
      () => 'ok',
      (e: { Text?: string; Incomplete?: boolean }) => `${e.Incomplete ? 'incomplete' : 'error'}: ${e.Text}`,
    );
    console.log(`  ${JSON.stringify(input)}\n    ours      ${oursText}\n    sh-syntax ${shText}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
