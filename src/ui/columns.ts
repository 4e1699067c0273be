// How wide the text column is: the whole terminal, until the terminal is wide enough for the
// panes beside a text column of 80 (a lesson's formulas and commands are written for 80).
// Apart from the layout so that load-host.ts (and script mode behind the same door) need no Ink.

/** The text column keeps at least this width when panes sit beside it. */
export const TEXT_MIN = 80;
export const PANES_MIN = 60;

/** The output area's width on a terminal `columns` wide (what `ls` is told as COLUMNS). */
export function textColumns(columns: number, linear = false): number {
  return !linear && columns >= TEXT_MIN + PANES_MIN ? Math.max(TEXT_MIN, Math.floor(columns * 0.45)) : columns;
}
