// declare/typeset, local and readonly with bash's attributes (-a indexed array, -A associative,
// -i integer, -r readonly, -x exported), let, and unset of an array's element. Arrays and the
// integer attribute live in arrays.ts.
import type { CommandIO } from '../command.js';
import { indexKey, integerValue, subscripted } from './arrays.js';
import type { Builtin } from './builtins.js';
import { ExpansionError } from './expand.js';
import type { Interpreter } from './interpreter.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The attribute letters of `declare -aAirx NAME[=VALUE]…`, then its names; null when only
 * listing (no names), which the caller's own listing does. */
function declareWith(sh: Interpreter, argv: string[], io: CommandIO, local: boolean): number | null {
  const flags = new Set<string>();
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (names.length === 0 && /^-[aAirxgp]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else if (a !== '--') names.push(a);
  }
  if (names.length === 0) return null;
  const { state } = sh;
  const frame = state.localFrames[state.localFrames.length - 1];
  let status = 0;
  for (const a of names) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) {
      io.stderr(`${sh.errorPrefix()}${argv[0]}: \`${a}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (local && frame && !frame.has(name)) frame.set(name, state.vars.get(name));
    if (eq >= 0 && state.readonly.has(name)) {
      io.stderr(`${sh.errorPrefix()}${name}: readonly variable\n`);
      status = 1;
      continue;
    }
    const existing = state.arrays.get(name);
    if (flags.has('A') && existing && !existing.assoc) {
      io.stderr(`${sh.errorPrefix()}${argv[0]}: ${name}: cannot convert indexed to associative array\n`);
      status = 1;
      continue;
    }
    if ((flags.has('a') || flags.has('A')) && !existing) {
      const scalar = state.vars.get(name);
      const values = new Map<string, string>(scalar !== undefined && !flags.has('A') ? [['0', scalar]] : []);
      state.arrays.set(name, { assoc: flags.has('A'), values });
      state.vars.delete(name);
    }
    if (flags.has('i')) state.integers.add(name);
    if (eq >= 0) {
      try {
        sh.setVar(name, integerValue(sh, name, a.slice(eq + 1)));
      } catch (err) {
        if (!(err instanceof ExpansionError)) throw err;
        io.stderr(`${sh.errorPrefix()}${err.message}\n`);
        status = 1;
        continue;
      }
    } else if (local && !state.arrays.has(name)) state.vars.set(name, '');
    if (flags.has('x')) state.exported.add(name);
    if (flags.has('r')) state.readonly.add(name);
  }
  return status;
}

export function declareBuiltin(listing: Builtin, local = false): Builtin {
  return (sh, argv, io) => {
    if (local && sh.state.localFrames.length === 0) {
      io.stderr(`${sh.errorPrefix()}local: can only be used in a function\n`);
      return 1;
    }
    return declareWith(sh, argv, io, local) ?? listing(sh, argv, io);
  };
}

/** `let EXPR…`: each evaluated; 1 when the last is 0, else 0. */
export const letBuiltin: Builtin = (sh, argv, io) => {
  if (argv.length < 2) {
    io.stderr(`${sh.errorPrefix()}let: expression expected\n`);
    return 1;
  }
  let last = 0;
  try {
    for (const expr of argv.slice(1)) last = sh.expander.arith(expr, 'let');
  } catch (err) {
    if (!(err instanceof ExpansionError)) throw err;
    io.stderr(`${sh.errorPrefix()}${err.message}\n`);
    return 1;
  }
  return last === 0 ? 1 : 0;
};

/** `unset a[I]`: one element of an array (of a scalar, [0] is the scalar); false when A is no
 * subscripted name. */
export async function unsetElement(sh: Interpreter, a: string, io: CommandIO): Promise<false | number> {
  const sub = subscripted(a);
  if (!sub) return false;
  const { state } = sh;
  const array = state.arrays.get(sub.base);
  if (!array) {
    if (sh.expander.arith(sub.index) === 0) state.vars.delete(sub.base);
    return 0;
  }
  if (array.assoc) {
    array.values.delete(sub.index);
    return 0;
  }
  const key = indexKey(array, sh.expander.arith(await sh.expander.arithText(sub.index)));
  if (key === undefined) {
    io.stderr(`${sh.errorPrefix()}unset: [${sub.index}]: bad array subscript\n`);
    return 1;
  }
  array.values.delete(key);
  return 0;
}
