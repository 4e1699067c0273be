// The house rules, read from the code's own imports: imports run one way, down the layers below,
// and the core touches no screen and no real machine. A move that breaks either fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

/** Each folder of src/ and its layer: a file may import its own folder or a lower layer. */
const LAYER: Record<string, number> = {
  i18n: 0, // interface strings: anyone may read them
  kernel: 0,
  posix: 0, // what POSIX defines for every layer above: sh's quoting
  docker: 1,
  gotemplate: 1, // Go's text/template, for the docker CLI's --format
  shell: 2,
  host: 3,
  panes: 4,
  lessons: 5,
  io: 6, // the real machine's files: lesson dirs, progress, jq's wasm, script files
  real: 6.5, // the real host: preflight, the private dockerd, replay against it (may use io/)
  repl: 7,
  ui: 7,
  '(top)': 9, // cli.ts, cli-modes.ts, cli-commands.ts, simulator-entry.ts
};

/** Folders that make up the core: no UI, no real file, process or network I/O. */
const CORE = ['posix', 'kernel', 'docker', 'gotemplate', 'shell', 'host', 'panes', 'lessons', 'i18n'];
const FORBIDDEN_IN_CORE =
  /^(ink|ink-text-input|react|react\/.*|(node:)?(fs|fs\/promises|child_process|net|http|https|readline|os))$/;

/** Known breaks of the rule, each with the change that removes it. */
const ALLOWED = new Set<string>([
  // The first frame opens the simulator's door (a dynamic import: the second bundle's entry).
  'ui/run.tsx -> simulator-entry.ts',
]);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function roomOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  return parts.length > 1 ? parts[0]! : '(top)';
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\s)(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

const files = walk(SRC);

describe('the layer rule', () => {
  it('knows every folder of src/', () => {
    const rooms = new Set(files.map(roomOf));
    for (const r of rooms) expect(LAYER, `src/${r}/ has no layer in this test`).toHaveProperty([r]);
  });

  it('imports run down the layers', () => {
    const broken: string[] = [];
    for (const f of files) {
      for (const spec of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const target = normalize(join(dirname(f), spec));
        const [from, to] = [roomOf(f), roomOf(target)];
        if (from === to) continue;
        const edge = `${relative(SRC, f)} -> ${relative(SRC, target).replace(/\.js$/, '.ts')}`;
        if (LAYER[to]! >= LAYER[from]! && !ALLOWED.has(edge)) broken.push(edge);
      }
    }
    expect(broken).toEqual([]);
  });

  it('docker/ never imports shell/ (a RUN step gets a command runner handed in)', () => {
    const broken = files
      .filter((f) => roomOf(f) === 'docker')
      .filter((f) => importsOf(f).some((s) => s.startsWith('.') && roomOf(normalize(join(dirname(f), s))) === 'shell'));
    expect(broken).toEqual([]);
  });

  it('the core imports no screen and no real I/O', () => {
    const broken: string[] = [];
    for (const f of files.filter((f) => CORE.includes(roomOf(f)))) {
      for (const spec of importsOf(f)) if (FORBIDDEN_IN_CORE.test(spec)) broken.push(`${relative(SRC, f)}: ${spec}`);
    }
    expect(broken).toEqual([]);
  });

  it('every exception listed is still needed', () => {
    const seen = new Set<string>();
    for (const f of files) {
      for (const spec of importsOf(f)) {
        if (spec.startsWith('.'))
          seen.add(
            `${relative(SRC, f)} -> ${relative(SRC, normalize(join(dirname(f), spec))).replace(/\.js$/, '.ts')}`,
          );
      }
    }
    for (const e of ALLOWED) expect(seen, `${e} is gone: drop it from ALLOWED`).toContain(e);
  });
});
