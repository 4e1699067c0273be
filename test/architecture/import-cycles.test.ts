// No runtime import cycle in src/: a module that imports (through others) a module importing it
// again sees that module half-evaluated at start-up, and a cycle is two rooms that cannot be
// understood apart. `import type` and `export type` are erased by the compiler, so they do not
// count; `import { type A }` does (under verbatimModuleSyntax it stays as `import {} from`), and
// dynamic import()s do not: they run after every module has been evaluated.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The relative modules a file needs evaluated before it runs. */
function runtimeImports(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const specs: string[] = [];
  for (const st of source.statements) {
    let spec: ts.Expression | undefined;
    if (ts.isImportDeclaration(st)) {
      const clause = st.importClause;
      if (!clause?.isTypeOnly) spec = st.moduleSpecifier;
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier) {
      if (!st.isTypeOnly) spec = st.moduleSpecifier;
    }
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.')) specs.push(spec.text);
  }
  return specs;
}

const files = walk(SRC);
const known = new Set(files.map((f) => relative(SRC, f)));
const graph = new Map<string, string[]>();
for (const f of files) {
  const deps = runtimeImports(f, readFileSync(f, 'utf8'))
    .map((s) => relative(SRC, normalize(join(dirname(f), s))).replace(/\.js$/, '.ts'))
    .map((p) => (known.has(p) ? p : p.replace(/\.ts$/, '.tsx')));
  graph.set(relative(SRC, f), deps);
}

/** Every strongly connected set of more than one module (Tarjan), each as a cycle through it. */
function cycles(g: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (g.get(v) ?? []).includes(v)) found.push(scc.sort());
    }
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('runtime imports', () => {
  it('reads the import graph (a cycle test that sees no edges would pass on anything)', () => {
    const edges = [...graph.values()].reduce((n, d) => n + d.length, 0);
    expect(edges).toBeGreaterThan(files.length);
    for (const [f, deps] of graph) for (const d of deps) expect(known, `${f} imports ${d}`).toContain(d);
  });

  it('tells a type-only import from a runtime one', () => {
    const text = [
      "import type { A } from './a.js';",
      "import { type B } from './b.js';",
      "import { type C, d } from './c.js';",
      "import './e.js';",
      "export type { F } from './f.js';",
      "export { g } from './g.js';",
      "const h = await import('./h.js');",
    ].join('\n');
    expect(runtimeImports('x.ts', text)).toEqual(['./b.js', './c.js', './e.js', './g.js']);
  });

  it('finds a cycle when there is one', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
  });

  it('src/ has none', () => {
    expect(cycles(graph)).toEqual([]);
  });
});
