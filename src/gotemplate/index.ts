// Go's text/template as the docker CLI uses it (templates.Parse: text/template plus json, split,
// join, title, lower, upper, pad, truncate). Public API: nothing here throws; failures come back
// as values carrying a GoTemplateError whose message is the text docker prints
// ("template parsing error: template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo").
//
// Data is plain JS: objects are Go maps (map[string]interface {}, what docker inspect's raw
// fallback decodes to), arrays []interface {}, whole numbers int, other numbers float64, null a nil
// interface. Tag data with goStruct / goMap / goSlice where Go's typed behaviour matters; see
// value.ts. The docker inspect two-pass behaviour lives in table.ts.
//
// Checked against Go's own text/template (go1.19, docker 20.10's Go) on thousands of random
// templates; later releases' changes (range over ints, else-with, typed comparison errors, \b\f in
// json, the ")" lexer error) follow their sources and are selected with `docker` / `goMinor`.
// Not supported, by design: custom delimiters, html/template, ranging over Go iterator funcs or
// channels, Go pointers/uints/complex arithmetic beyond literals, `call` on anything but JS
// functions, docker inspect's json.Number (numbers stay numbers). Limits differ from Go where a JS
// stack is smaller: {{template}} nesting 1000 (Go: 100000), nesting of ( ) and blocks 1000.

import { Executor, TemplateExecError, type MissingKey } from './exec.js';
import { DOCKER_GO_MINOR, dockerFuncs, type DockerCliEra } from './dockerfuncs.js';
import { builtinFuncs, wrapGoFunc, type InternalFunc } from './funcs.js';
import { parseTemplate, TemplateParseError, type Tree } from './parse.js';
import type { GoFunc } from './value.js';

export { GoComplex, GoFloat, goMap, goSlice, goStruct, goTypeOf, typeName } from './value.js';
export type { GoFunc, GoParamType, GoStructExtra, GoTypeInfo } from './value.js';
export { sprint as goSprint, sprintln as goSprintln } from './fmt.js';
export { sprintf as goSprintf } from './printf.js';
export { marshalJson as goMarshalJson } from './json.js';
export type { MissingKey } from './exec.js';
export { DOCKER_GO_MINOR, type DockerCliEra } from './dockerfuncs.js';

/** A template failure. `message` is what the docker CLI prints; `goMessage` is Go's own error text. */
export class GoTemplateError extends Error {
  constructor(
    readonly phase: 'parse' | 'exec',
    readonly goMessage: string,
  ) {
    super(`template parsing error: ${goMessage}`);
    this.name = 'GoTemplateError';
  }
}

export type GoTemplateResult =
  | { readonly ok: true; readonly output: string }
  | { readonly ok: false; readonly output: string; readonly error: GoTemplateError };

export interface GoTemplateOptions {
  /** Template name, shown in errors as `template: NAME:…` (docker uses ""). */
  name?: string;
  /** Go's Option("missingkey=…") for map lookups; default 'default' (prints <no value>). */
  missingKey?: MissingKey;
  /** Extra functions (like template.Funcs): override the docker and builtin ones of the same name. */
  funcs?: Readonly<Record<string, GoFunc>>;
  /** Include the docker CLI's functions (default true); false gives plain text/template. */
  dockerFuncs?: boolean;
  /**
   * The docker CLI release to behave like (default 'latest'): picks its functions and the Go
   * release it was built with (20.10: go1.19, 25.0: go1.21, 29.0 and later: go1.25).
   */
  docker?: DockerCliEra;
  /** Override the Go minor release (19 for go1.19) whose text/template behaviour to follow. */
  goMinor?: number;
  /** Guard against runaway templates such as {{range 1000000000}} (not in Go): nodes walked. */
  maxSteps?: number;
  /** Guard on output size in characters (not in Go). */
  maxOutput?: number;
}

export interface ExecuteOverrides {
  missingKey?: MissingKey;
  /** Replace functions at execution time, as docker does with tmpl.Funcs(HeaderFunctions). */
  funcs?: ReadonlyMap<string, InternalFunc> | Readonly<Record<string, GoFunc>>;
}

const DEFAULT_STEPS = 2_000_000;
const DEFAULT_OUTPUT = 8 * 1024 * 1024;
const MAX_TEMPLATE_DEPTH = 1000; // Go's maxExecDepth on wasm; 100000 elsewhere, too deep for a JS stack

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function toInternal(funcs: ExecuteOverrides['funcs']): Map<string, InternalFunc> {
  if (!funcs) return new Map();
  if (funcs instanceof Map) return new Map(funcs);
  return new Map(Object.entries(funcs as Record<string, GoFunc>).map(([k, f]) => [k, wrapGoFunc(f)]));
}

export class GoTemplate {
  private constructor(
    readonly name: string,
    readonly source: string,
    private readonly trees: Map<string, Tree>,
    private readonly funcs: Map<string, InternalFunc>,
    private readonly builtins: Map<string, InternalFunc>,
    private readonly options: GoTemplateOptions,
  ) {}

  /** Parse a template; never throws. */
  static parse(
    source: string,
    options: GoTemplateOptions = {},
  ): { ok: true; template: GoTemplate } | { ok: false; error: GoTemplateError } {
    const name = options.name ?? '';
    const era = options.docker ?? 'latest';
    const goMinor = options.goMinor ?? DOCKER_GO_MINOR[era];
    const builtins = builtinFuncs(goMinor);
    const funcs = new Map(builtins);
    if (options.dockerFuncs !== false) for (const [k, f] of dockerFuncs(era)) funcs.set(k, f);
    for (const [k, f] of toInternal(options.funcs)) funcs.set(k, f);
    try {
      const trees = parseTemplate(name, source, (f) => funcs.has(f), goMinor);
      return { ok: true, template: new GoTemplate(name, source, trees, funcs, builtins, options) };
    } catch (e) {
      const text = e instanceof TemplateParseError ? e.message : `template: ${name}: overlay-tutor: ${message(e)}`;
      return { ok: false, error: new GoTemplateError('parse', text) };
    }
  }

  /** The names of the templates this source defines ({{define}} / {{block}}), the main one included. */
  get definedTemplates(): string[] {
    return [...this.trees.keys()];
  }

  /** Execute against data; never throws. On failure `output` holds what was written before the error. */
  execute(data: unknown, overrides: ExecuteOverrides = {}): GoTemplateResult {
    const funcs = new Map(this.funcs);
    for (const [k, f] of toInternal(overrides.funcs)) funcs.set(k, f);
    const ex = new Executor(this.trees, this.source, this.name, funcs, this.builtins, {
      missingKey: overrides.missingKey ?? this.options.missingKey ?? 'default',
      maxSteps: this.options.maxSteps ?? DEFAULT_STEPS,
      maxOutput: this.options.maxOutput ?? DEFAULT_OUTPUT,
      maxDepth: MAX_TEMPLATE_DEPTH,
      goMinor: this.options.goMinor ?? DOCKER_GO_MINOR[this.options.docker ?? 'latest'],
    });
    try {
      ex.execute(this.name, data);
      return { ok: true, output: ex.output };
    } catch (e) {
      const text = e instanceof TemplateExecError ? e.message : `template: ${this.name}: overlay-tutor: ${message(e)}`;
      return { ok: false, output: ex.output, error: new GoTemplateError('exec', text) };
    }
  }
}

/** Parse and execute in one go (docker's templates.Parse + Execute); never throws. */
export function renderGoTemplate(source: string, data: unknown, options: GoTemplateOptions = {}): GoTemplateResult {
  const parsed = GoTemplate.parse(source, options);
  if (!parsed.ok) return { ok: false, output: '', error: parsed.error };
  return parsed.template.execute(data);
}
