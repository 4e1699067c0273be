// bash's arrays: indexed (`a=(x y z)`, sparse, listed by index) and associative (`declare -A m`,
// listed as bash's hash table walks them: FNV-1 of the key into 1024 buckets, bucket by bucket,
// the key added last first within one), and the integer attribute (`declare -i`), whose
// assignments are arithmetic. dash and ash have none of these.
import type { Assignment } from './ast.js';
import { ExpansionError } from './expand.js';
import type { Interpreter } from './interpreter.js';

export interface ShellArray {
  assoc: boolean;
  /** Indexed arrays key by the decimal index. A Map keeps insertion order, which the hash walk needs. */
  values: Map<string, string>;
}

/** bash's hash_string (FNV-1, 32 bits), masked to assoc's 1024 buckets. */
function bucket(key: string): number {
  let h = 2166136261;
  for (const byte of new TextEncoder().encode(key)) {
    h = Math.imul(h, 16777619) >>> 0;
    h = (h ^ byte) >>> 0;
  }
  return h & 1023;
}

/** The keys in the order `${!a[@]}` lists them. */
export function arrayKeys(array: ShellArray): string[] {
  const keys = [...array.values.keys()];
  if (!array.assoc) return keys.sort((a, b) => Number(a) - Number(b));
  const order = new Map(keys.map((k, i) => [k, i]));
  return keys.sort((a, b) => bucket(a) - bucket(b) || (order.get(b) ?? 0) - (order.get(a) ?? 0));
}

export function arrayValues(array: ShellArray): string[] {
  return arrayKeys(array).map((k) => array.values.get(k) ?? '');
}

/** An indexed array's key for INDEX; a negative one counts back from the end (undefined when
 * it reaches before the start: `bad array subscript`). */
export function indexKey(array: ShellArray, index: number): string | undefined {
  if (index >= 0) return String(index);
  const keys = arrayKeys(array);
  const last = keys.length === 0 ? -1 : Number(keys[keys.length - 1]);
  const at = last + 1 + index;
  return at < 0 ? undefined : String(at);
}

/** `NAME[SUBSCRIPT]` split, or null for a plain name. */
export function subscripted(name: string): { base: string; index: string } | null {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(name);
  return m ? { base: m[1] as string, index: m[2] as string } : null;
}

/** A variable assignment as bash makes it: `a=(…)` and `a+=(…)` (elements, `[KEY]=VALUE` ones
 * put where they say), `a[I]=v`, `a=v` on an array (its element 0), and integer variables'
 * arithmetic (`declare -i n; n=1+2` is 3, `n+=3` adds). */
export async function assign(sh: Interpreter, a: Assignment): Promise<void> {
  const { state } = sh;
  if (state.readonly.has(a.name)) throw new ExpansionError(`${a.name}: readonly variable`);
  if (a.array) {
    const existing = state.arrays.get(a.name);
    const assoc = existing?.assoc ?? false;
    const array: ShellArray = a.append && existing ? existing : { assoc, values: new Map() };
    if (a.append && !existing) {
      const scalar = state.vars.get(a.name);
      if (scalar !== undefined) array.values.set('0', scalar);
    }
    let next = nextIndex(array);
    for (const w of a.array) {
      if (/^\[[^\]]*\]\+?=/.test(w.text)) {
        // `[KEY]=VALUE`: the key and the value expanded, neither split nor globbed.
        const text = await sh.expander.string(w);
        const keyed = /^\[([^\]]*)\]\+?=/.exec(text);
        const subscript = keyed?.[1] ?? '';
        const key = assoc ? subscript : await subscriptKey(sh, array, a.name, subscript);
        array.values.set(key, integerValue(sh, a.name, text.slice(keyed?.[0].length ?? 0)));
        if (!assoc) next = Number(key) + 1;
        continue;
      }
      if (assoc) throw new ExpansionError(`${a.name}: ${w.text}: must use subscript when assigning associative array`);
      for (const value of await sh.expander.word(w)) array.values.set(String(next++), integerValue(sh, a.name, value));
    }
    state.arrays.set(a.name, array);
    state.vars.delete(a.name);
    return;
  }
  const value = await sh.expander.string(a.value);
  if (a.index !== null || state.arrays.has(a.name)) {
    let array = state.arrays.get(a.name);
    if (!array) {
      // `s[1]=x` on a scalar makes it an array whose element 0 is the old value.
      array = { assoc: false, values: new Map() };
      const scalar = state.vars.get(a.name);
      if (scalar !== undefined) array.values.set('0', scalar);
      state.arrays.set(a.name, array);
      state.vars.delete(a.name);
    }
    const key =
      a.index === null
        ? '0'
        : array.assoc
          ? await sh.expander.arithText(a.index)
          : await subscriptKey(sh, array, a.name, a.index);
    const old = array.values.get(key);
    array.values.set(key, appended(sh, a, old, value));
    return;
  }
  sh.setVar(a.name, appended(sh, a, state.vars.get(a.name), value));
}

/** VALUE, or with += the old one followed by it (an integer variable adds). */
function appended(sh: Interpreter, a: Assignment, old: string | undefined, value: string): string {
  if (!a.append) return integerValue(sh, a.name, value);
  if (sh.state.integers.has(a.name)) return String(sh.expander.arith(`${old || 0}+(${value || 0})`));
  return (old ?? '') + value;
}

/** An integer variable's value is its arithmetic value. */
export function integerValue(sh: Interpreter, name: string, value: string): string {
  return sh.state.integers.has(name) ? String(sh.expander.arith(value === '' ? '0' : value)) : value;
}

/** An indexed array's key for a subscript: arithmetic, negative from the end. */
async function subscriptKey(sh: Interpreter, array: ShellArray, name: string, text: string): Promise<string> {
  const n = sh.expander.arith(await sh.expander.arithText(text));
  const key = indexKey(array, n);
  if (key === undefined) throw new ExpansionError(`${name}[${text}]: bad array subscript`);
  return key;
}

function nextIndex(array: ShellArray): number {
  const keys = arrayKeys(array);
  return keys.length === 0 || array.assoc ? 0 : Number(keys[keys.length - 1]) + 1;
}
