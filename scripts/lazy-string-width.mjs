// What the bundles import as `string-width` (see lazyStringWidth in ink-startup-plugins.mjs).
//
// string-width builds an Intl.Segmenter and three Unicode-property regexes when it loads, one of
// them `\p{RGI_Emoji}` with the v flag: ~20 ms before any Ink app can draw (measured on Node 20),
// though most strings never need them. This wraps it: the same answer, found the way string-width
// finds it (escapes stripped first unless counted), for printable ASCII (its length) and for a
// string made only of printable ASCII and FAST_RANGES' characters (the sum of their widths);
// string-width itself, loaded on the first other string.
//
// A character of FAST_RANGES is a grapheme cluster of its own whatever stands around it (no
// control, format, mark, variation selector, ZWJ, emoji modifier or Hangul jamo: nothing that
// segmentation joins to a neighbour) and string-width gives it the width written beside it, with
// ambiguous characters narrow (its default): Latin-1 and Latin Extended letters, Greek, Cyrillic,
// punctuation, arrows, mathematical and technical symbols, box drawing, blocks and shapes (the
// emoji among them wide), CJK punctuation, kana, ideographs, Hangul syllables, fullwidth and
// halfwidth forms. Assigned characters only, so that a newer Unicode in Node cannot move one.
// test/ui/lazy-string-width.test.ts checks every character of every range against string-width,
// and every string of the lessons and of the screen.
import stripAnsi from 'strip-ansi';

const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;

/** Runs of characters as `first-last:width` or `only:width`, in hex. */
export const FAST_RANGES = `
a0-ac:1 ae-24f:1 370-377:1 37a-37f:1 384-38a:1 38c:1 38e-3a1:1 3a3-482:1 48a-4ff:1 2010-2027:1 202f-205e:1
2070-2071:1 2074-208e:1 2090-209c:1 20a0-20c1:1 2100-218b:1 2190-2319:1 231a-231b:2 231c-2328:1 2329-232a:2
232b-23e8:1 23e9-23ec:2 23ed-23ef:1 23f0:2 23f1-23f2:1 23f3:2 23f4-23ff:1 2460-25fc:1 25fd-25fe:2 25ff-2613:1
2614-2615:2 2616-262f:1 2630-2637:2 2638-2647:1 2648-2653:2 2654-267e:1 267f:2 2680-2689:1 268a-268f:2
2690-2692:1 2693:2 2694-26a0:1 26a1:2 26a2-26a9:1 26aa-26ab:2 26ac-26bc:1 26bd-26be:2 26bf-26c3:1 26c4-26c5:2
26c6-26cd:1 26ce:2 26cf-26d3:1 26d4:2 26d5-26e9:1 26ea:2 26eb-26f1:1 26f2-26f3:2 26f4:1 26f5:2 26f6-26f9:1
26fa:2 26fb-26fc:1 26fd:2 26fe-2704:1 2705:2 2706-2709:1 270a-270b:2 270c-2727:1 2728:2 2729-274b:1 274c:2
274d:1 274e:2 274f-2752:1 2753-2755:2 2756:1 2757:2 2758-2794:1 2795-2797:2 2798-27af:1 27b0:2 27b1-27be:1
27bf:2 3000-3029:2 3030-303e:2 303f:1 3041-3096:2 309b-30ff:2 3400-4dbf:2 4e00-9fff:2 ac00-d7a3:2 f900-fa6d:2
fa70-fad9:2 ff01-ff60:2 ff61-ff9d:1 ffa1-ffbe:1 ffc2-ffc7:1 ffca-ffcf:1 ffd2-ffd7:1 ffda-ffdc:1 ffe0-ffe6:2
ffe8-ffee:1
`;

/** Each BMP character's width when it is printable ASCII or in FAST_RANGES, else 0. */
let widths;

function tableOfWidths() {
  const t = new Uint8Array(0x10000);
  t.fill(1, 0x20, 0x7f);
  for (const run of FAST_RANGES.trim().split(/\s+/)) {
    const [span, width] = run.split(':');
    const [first, last = first] = span.split('-').map((h) => Number.parseInt(h, 16));
    t.fill(Number(width), first, last + 1);
  }
  return t;
}

/** The width of a string made only of printable ASCII and FAST_RANGES characters; -1 for any other. */
export function fastWidth(s) {
  widths ??= tableOfWidths();
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = widths[s.charCodeAt(i)];
    if (c === 0) return -1;
    w += c;
  }
  return w;
}

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
    // Ambiguous characters count as wide when asked: string-width answers then.
    if (options.ambiguousIsNarrow !== false) {
      const w = fastWidth(visible);
      if (w >= 0) return w;
    }
    real ??= load();
    return real(input, options);
  };
}
