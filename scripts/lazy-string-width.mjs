// What the bundles import as `string-width` (see lazyStringWidth in ink-startup-plugins.mjs).
//
// string-width builds an Intl.Segmenter and three Unicode-property regexes when it loads, one of
// them `\p{RGI_Emoji}` with the v flag: ~20 ms before any Ink app can draw (measured on Node 20),
// though it answers printable ASCII by length and never touches them. This wraps it: the same
// answer for printable ASCII, found the way string-width finds it (escapes stripped first unless
// counted), and string-width itself, loaded on the first other string.
import stripAnsi from 'strip-ansi';

const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;

/** string-width's own function, called with `load()` the first time it is needed. */
export function lazyStringWidth(load) {
  let real;
  return function stringWidth(input, options = {}) {
    if (typeof input !== 'string' || input.length === 0) return 0;
    const visible =
      !options.countAnsiEscapeCodes && (input.includes('\u001B') || input.includes('\u009B'))
        ? stripAnsi(input)
        : input;
    if (PRINTABLE_ASCII.test(visible)) return visible.length;
    real ??= load();
    return real(input, options);
  };
}
