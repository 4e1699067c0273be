// Elastic tabstops as Go's text/tabwriter computes them (the docker CLI uses its own copy, which
// measures cells in terminal columns with go-runewidth; so does this one, approximately).
// Cells end at '\t' (or '\v'); a line with no tab ends a block, so columns re-align after it;
// the last cell of a line is never padded. Flags other than none are not supported.

export interface TabwriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
}

/** The docker CLI's formatter settings: tabwriter.NewWriter(out, 10, 1, 3, ' ', 0). */
export const DOCKER_TABWRITER: TabwriterOptions = { minwidth: 10, tabwidth: 1, padding: 3, padchar: ' ' };

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Display width in terminal columns (runewidth.StringWidth, approximately). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const c of s) {
    const cp = c.codePointAt(0) ?? 0;
    if (ZERO_WIDTH.test(c)) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

interface Cell {
  text: string;
  width: number;
  htab: boolean;
}

class Writer {
  private out = '';
  /** The line being written, always the last of lines. */
  private line: Cell[] = [];
  private lines: Cell[][] = [this.line];
  private cell = '';
  private widths: number[] = [];

  constructor(private readonly o: TabwriterOptions) {}

  private pad(textw: number, cellw: number): string {
    if (this.o.padchar === '\t') {
      if (this.o.tabwidth === 0) return '';
      const w = Math.ceil(cellw / this.o.tabwidth) * this.o.tabwidth;
      return '\t'.repeat(Math.ceil((w - textw) / this.o.tabwidth));
    }
    return this.o.padchar.repeat(Math.max(cellw - textw, 0));
  }

  private terminateCell(htab: boolean): number {
    this.line.push({ text: this.cell, width: displayWidth(this.cell), htab });
    this.cell = '';
    return this.line.length;
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      this.lines[i]?.forEach((c, j) => {
        const width = this.widths[j];
        if (width !== undefined) this.out += c.text + this.pad(c.width, width);
        else this.out += c.text;
      });
      if (i + 1 === this.lines.length) this.out += this.cell;
      else this.out += '\n';
    }
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= (this.lines[row]?.length ?? 0) - 1) continue;
      // A block of consecutive lines with a cell in this column: size the column and recurse.
      this.writeLines(line0, row);
      line0 = row;
      let width = this.o.minwidth;
      for (; row < line1; row++) {
        const line = this.lines[row];
        if (line === undefined || column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + this.o.padding);
      }
      this.widths.push(width);
      this.format(line0, row);
      this.widths.pop();
      line0 = row;
    }
    this.writeLines(line0, line1);
  }

  private flushLines(): void {
    this.format(0, this.lines.length);
    this.line = [];
    this.lines = [this.line];
    this.cell = '';
  }

  write(text: string): void {
    for (const ch of text) {
      if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
        const n = this.terminateCell(ch === '\t');
        if (ch === '\n' || ch === '\f') {
          this.line = [];
          this.lines.push(this.line);
          if (ch === '\f' || n === 1) this.flushLines();
        }
      } else this.cell += ch;
    }
  }

  flush(): string {
    if (this.cell.length > 0) this.terminateCell(false);
    this.flushLines();
    return this.out;
  }
}

/** Align tab-separated text the way a tabwriter.Writer does after Write(text) and Flush(). */
export function tabwrite(text: string, options: TabwriterOptions = DOCKER_TABWRITER): string {
  const w = new Writer(options);
  w.write(text);
  return w.flush();
}
