// Collects benchmark figures and prints them as one table; ratios are what targets are set in,
// because both sides are measured in the same run on the same machine.
export class BenchReport {
  private rows: Array<{ group: string; name: string; value: string }> = [];

  add(group: string, name: string, value: number, unit: string): void {
    const shown = value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(4);
    this.rows.push({ group, name, value: `${shown} ${unit}` });
  }

  ratio(group: string, name: string, value: number): void {
    this.rows.push({ group, name, value: `×${value.toFixed(2)}` });
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
