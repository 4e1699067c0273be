// A text file of an image held as its opening lines and its real length.

/** Text padded with comment lines to the real file's size: the rest of the real file (a script of
 * its distribution's or image's) is not reproduced here, only its opening lines and its length. */
export function padded(text: string, size: number): string {
  let out = text.endsWith('\n') ? text : `${text}\n`;
  while (out.length < size) {
    const room = size - out.length;
    out += room === 1 ? '\n' : `${'#'.repeat(Math.min(room - 1, 71))}\n`;
  }
  return out;
}
