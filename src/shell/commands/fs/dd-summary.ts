// What dd prints on stderr when it is done: the records in and out, and the bytes, the time and
// the rate, in GNU coreutils' words (dd.c's print_xfer_stats, human_readable with autoscale, SI
// and IEC) or busybox's (dd_output_status, make_human_readable_str; Debian's and Ubuntu's builds
// leave out the third line, busybox's own, as in the official image, print it).
import type { CommandContext } from '../../command.js';
import { busyboxBanner } from '../busybox/index.js';
import type { Tally } from './dd.js';

function records(t: Tally): string {
  let s = `${t.inFull}+${t.inPartial} records in\n${t.outFull}+${t.outPartial} records out\n`;
  if (t.truncated > 0) s += `${t.truncated} truncated record${t.truncated === 1 ? '' : 's'}\n`;
  return s;
}

const PREFIXES = 'kMGTPEZY';

/** coreutils' human_readable: an exact count (at least one step of scaling when `scale`), rounded
 * to the nearest, one decimal below 10. */
function human(n: number, base: 1000 | 1024, scale: boolean): string {
  let v = n;
  let e = 0;
  if (scale) {
    v /= base;
    e = 1;
  }
  while (v >= base && e < PREFIXES.length) {
    v /= base;
    e++;
  }
  let text = e === 0 ? String(Math.round(v)) : v < 10 ? (Math.round(v * 10) / 10).toFixed(1) : String(Math.round(v));
  if (text === '10.0') text = '10';
  const prefix = e === 0 ? '' : `${base === 1024 && e === 1 ? 'K' : PREFIXES.charAt(e - 1)}${base === 1024 ? 'i' : ''}`;
  return `${text} ${prefix}B`;
}

/** printf's %g: six significant digits, an exponent below 1e-4. */
function g(x: number): string {
  if (x === 0) return '0';
  if (x < 1e-4) {
    const [m = '0', ex = '0'] = x.toExponential(5).split('e');
    const exp = Number(ex);
    return `${m.replace(/\.?0+$/, '')}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(Number(x.toPrecision(6)));
}

export function gnuSummary(t: Tally, seconds: number, status: string): string {
  let s = records(t);
  if (status === 'noxfer') return s;
  const si = human(t.bytes, 1000, false);
  const iec = human(t.bytes, 1024, false);
  const rate = seconds > 0 ? `${human(t.bytes / seconds, 1000, true)}/s` : 'Infinity B/s';
  const time = `${g(seconds)} s`;
  if (t.bytes < 1000) s += `${t.bytes} byte${t.bytes === 1 ? '' : 's'} copied, ${time}, ${rate}\n`;
  else if (t.bytes < 1024) s += `${t.bytes} bytes (${si}) copied, ${time}, ${rate}\n`;
  else s += `${t.bytes} bytes (${si}, ${iec}) copied, ${time}, ${rate}\n`;
  return s;
}

/** busybox's make_human_readable_str(n, 1, 0): 1024-based, one decimal once scaled. */
function bbHuman(n: number): string {
  let v = Math.floor(n);
  if (v === 0) return '0';
  let unit = '';
  let frac = 0;
  const units = 'KMGTPE';
  let u = -1;
  while (v >= 1024) {
    frac = Math.floor(((v % 1024) * 10 + 512) / 1024);
    v = Math.floor(v / 1024);
    u++;
  }
  if (u < 0) return String(v);
  if (frac >= 10) {
    v++;
    frac = 0;
  }
  unit = units.charAt(u);
  return `${v}.${frac}${unit}`;
}

export function busyboxSummary(ctx: CommandContext, t: Tally, seconds: number, status: string): string {
  let s = `${t.inFull}+${t.inPartial} records in\n${t.outFull}+${t.outPartial} records out\n`;
  const banner = ctx.variant ? busyboxBanner(ctx.proc, ctx.variant.binary) : '';
  // FEATURE_DD_THIRD_STATUS_LINE: off in Debian's and Ubuntu's packages, on in busybox's defconfig.
  if (status === 'noxfer' || /Debian|Ubuntu/.test(banner)) return s;
  const rate = seconds > 0 ? t.bytes / seconds : 0;
  s += `${t.bytes} bytes (${bbHuman(t.bytes)}B) copied, ${seconds.toFixed(6)} seconds, ${bbHuman(rate)}B/s\n`;
  return s;
}
