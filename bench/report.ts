// Collects benchmark figures and prints them as one table; ratios are what targets are set in,
// because both sides are measured in the same run on the same machine.
// A figure whose name states its target, "(target ≤ 1.5)" or "(target < 16)", is judged against
// it: PASS or FAIL is printed beside it, from the same number the name states.
const TARGET = /\(target ([≤<≥>]) ([\d.]+)\)/;

/** ' PASS' or ' FAIL' when the name states a target; '' otherwise. */
export function verdict(name: string, value: number): string {
  const m = TARGET.exec(name);
  if (!m) return '';
  const limit = Number(m[2]);
  const ok = { '≤': value <= limit, '<': value < limit, '≥': value >= limit, '>': value > limit }[m[1] as '≤'];
  return ok ? '  PASS' : '  FAIL';
}

export class BenchReport {
  private rows: Array<{ group: string; name: string; value: string }> = [];

  add(group: string, name: string, value: number, unit: string): void {
    const shown = value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(4);
    this.rows.push({ group, name, value: `${shown} ${unit}${verdict(name, value)}` });
  }

  ratio(group: string, name: string, value: number): void {
    this.rows.push({ group, name, value: `×${value.toFixed(2)}${verdict(name, value)}` });
  }

  skip(group: string, name: string, why: string): void {
    this.rows.push({ group, name, value: `SKIPPED: ${why}` });
  }

  print(out: (s: string) => void): void {
    const width = Math.max(...this.rows.map((r) => r.name.length));
    let group = '';
    for (const r of this.rows) {
      if (r.group !== group) {
        group = r.group;
        out(`\n[${group}]\n`);
      }
      out(`  ${r.name.padEnd(width)}  ${r.value}\n`);
    }
  }
}
