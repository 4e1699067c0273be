// Types for scripts/lazy-string-width.mjs (a build script's module, imported by its test).
type StringWidth = (input: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;
export function lazyStringWidth(load: () => StringWidth): StringWidth;
