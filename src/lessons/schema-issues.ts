// zod's issues in the words lessons/FORMAT.md promises. A check (and a value) is a union of
// one-key maps, so a misspelt key makes zod say only "Invalid input" for the whole check; here
// such an issue becomes `unknown check "imgae" (did you mean image?)`, and one whose key is
// right but whose content is wrong becomes the issues of that one option, at their own paths.

/** The part of a zod issue this reads. */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  errors?: SchemaIssue[][];
  keys?: string[];
}

const at = (value: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    value,
  );

/** A check sits in a step's `checks`, in `all`/`any`, or under `not`. */
function isCheck(path: PropertyKey[]): boolean {
  const [parent, last] = path.slice(-2);
  return (typeof last === 'number' && (parent === 'checks' || parent === 'all' || parent === 'any')) || last === 'not';
}

/** Optimal string alignment distance: a swap of two neighbours ("imgae") counts one. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** The known name nearest `word`, when it is near enough to be a slip. */
export function nearest(word: string, names: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const n of names) {
    const d = distance(word, n);
    if (d < bestD) [best, bestD] = [n, d];
  }
  return best;
}

/** `issue` as the issues a lesson author can act on, paths from the document's top. */
export function explainIssue(issue: SchemaIssue, input: unknown): Array<{ path: PropertyKey[]; message: string }> {
  if (issue.code !== 'invalid_union' || !issue.errors?.length) return [{ path: issue.path, message: issue.message }];
  const node = at(input, issue.path);
  if (node === null || typeof node !== 'object' || Array.isArray(node))
    return [{ path: issue.path, message: issue.message }];
  const keys = Object.keys(node);
  const what = isCheck(issue.path) ? 'check' : 'key';
  // Each option of the union is a one-key map: its name is the key it missed.
  const rootOnly = (errs: SchemaIssue[]) =>
    errs.some((e) => e.path.length === 0 && (e.code === 'unrecognized_keys' || e.code === 'invalid_type'));
  const names = issue.errors.flatMap((errs) => {
    const k = errs.find((e) => e.path.length === 1)?.path[0];
    return typeof k === 'string' && rootOnly(errs) ? [k] : [];
  });
  const [key] = keys;
  if (key === undefined || keys.length !== 1)
    return [
      {
        path: issue.path,
        message:
          `a ${what} has one key (${names.slice(0, 4).join(', ')} …), ` +
          `not ${keys.length ? keys.join(', ') : 'none'}`,
      },
    ];
  const matching = issue.errors.find((errs) => !rootOnly(errs));
  if (matching) return matching.flatMap((e) => explainIssue({ ...e, path: [...issue.path, ...e.path] }, input));
  if (names.length === 0) return [{ path: issue.path, message: issue.message }];
  const guess = nearest(key, names);
  return [
    {
      path: issue.path,
      message: `unknown ${what} "${key}"${guess ? ` (did you mean ${guess}?)` : ''}`,
    },
  ];
}
