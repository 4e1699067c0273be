// Types for scripts/lazy-string-width.mjs (a build script's module, imported by its test).
type StringWidth = (input: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;
export function lazyStringWidth(load: () => StringWidth): StringWidth;
/** Runs of characters as `first-last:width` or `only:width`, in hex, separated by white space. */
export const FAST_RANGES: string;
/** The width of a string made only of printable ASCII and FAST_RANGES characters; -1 for any other. */
export function fastWidth(s: string): number;
