// The normaliser's forms for a machine's own figures: a line in its tool's exact form has its
// values made placeholders; a line out of form (misaligned, a field missing) is left as it is, so
// it still differs from the other host's.
import { describe, expect, it } from 'vitest';
import { procForms } from '../../src/real/proc-forms.js';

describe('procForms', () => {
  it('meminfo lines in their 16 + 8 columns, and only those', () => {
    expect(procForms('MemTotal:       24683748 kB\nHugePages_Total:       0')).toBe(
      'MemTotal: <kB> kB\nHugePages_Total: <kB>',
    );
    expect(procForms('VmallocTotal:   34359738367 kB')).toBe('VmallocTotal: <kB> kB');
    expect(procForms('MemTotal:      24683748 kB')).toBe('MemTotal:      24683748 kB');
    expect(procForms('MemTotal: 24683748 kB')).toBe('MemTotal: 24683748 kB');
  });

  it('free rows whose values end under their headings', () => {
    const header = '               total        used        free      shared  buff/cache   available';
    const row = 'Mem:        24683748     1852520    16025724       18032     7241200    22831228';
    expect(procForms(`${header}\n${row}\nSwap:              0           0           0`)).toBe(
      `${header}\nMem: <mem> <mem> <mem> <mem> <mem> <mem>\nSwap: <mem> <mem> <mem>`,
    );
    const shifted = 'Mem:       24683748     1852520    16025724       18032     7241200    22831228';
    expect(procForms(`${header}\n${shifted}`)).toBe(`${header}\n${shifted}`);
    expect(procForms(row)).toBe(row);
  });

  it('loadavg, /proc/uptime, uptime(1), the CPU model and the kernel build by form', () => {
    expect(procForms('10.64 10.45 9.26 10/385 139')).toBe('<loadavg>');
    expect(procForms('10.64 10.45 9.26 139')).toBe('10.64 10.45 9.26 139');
    expect(procForms('57750.27 18443.49')).toBe('<uptime-seconds>');
    const up = ' <clock> up <uptime>,  <users>,  load average: <load>';
    expect(procForms(' 07:31:45 up 16:02,  0 user,  load average: 10.54, 10.44, 9.27')).toBe(up);
    expect(procForms(' 07:44:57 up  1:00,  0 users,  load average: 0.08, 0.03, 0.01')).toBe(up);
    expect(procForms(' 07:44:57 up 2 days,  1:00,  1 user,  load average: 0.08, 0.03, 0.01')).toBe(up);
    expect(procForms(' 07:44:57 up 1:00,  0 users,  load average: 0.08, 0.03, 0.01')).not.toBe(up);
    expect(procForms('model name\t: AMD EPYC')).toBe('model name\t: <cpu-model>');
    expect(procForms('Linux version 6.18.44 (builder@x) (gcc (GCC) 15.3.0, GNU ld 2.46) #1 SMP')).toBe(
      'Linux version <kernel> (<builder>) (<toolchain>) #<build>',
    );
  });

  it('namespace numbers made at run time are numbered, the initial ones kept', () => {
    expect(procForms('mnt -> mnt:[4026532727]\npid:[4026532730]\nmnt:[4026532727]\nuser:[4026531837]')).toBe(
      'mnt -> mnt:[<ns:1>]\npid:[<ns:2>]\nmnt:[<ns:1>]\nuser:[4026531837]',
    );
  });
});
