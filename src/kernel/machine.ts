// The simulated host's machine as its /proc describes it: 2 CPUs and 23.54GiB of memory (what
// `docker info` says), a quiet load, booted an hour before the host's clock starts. The figures are
// a model; the formats are Linux's (fs/proc/meminfo.c, its lines by release, arch/x86/kernel/cpu/proc.c,
// fs/proc/loadavg.c, fs/proc/uptime.c), so the tools that read them (free, nproc, uptime, top)
// print what they print on a real host.

import type { ProcFields } from './release.js';

export const MACHINE_CPUS = 2;
/** MemTotal in KiB: docker info's Total Memory (25,276,682,240 bytes, 23.54GiB). */
export const MEM_TOTAL_KIB = 24_684_260;
/** How long the host has been up when its clock starts. */
export const UPTIME_AT_START_MS = 3_600_000;
export const CPU_MODEL = 'AMD EPYC 7B13';

/** The memory figures (KiB) the model holds; the rest of /proc/meminfo follows from them. */
export interface MemoryFigures {
  total: number;
  free: number;
  available: number;
  buffers: number;
  cached: number;
  shmem: number;
  sReclaimable: number;
}

export function memoryFigures(): MemoryFigures {
  return {
    total: MEM_TOTAL_KIB,
    free: 21_032_716,
    available: 23_412_508,
    buffers: 118_624,
    cached: 2_309_432,
    shmem: 9_844,
    sReclaimable: 203_516,
  };
}

/** /proc/meminfo: each name padded to 16 columns, its value right-aligned in 8, then " kB"; the
 * names the release has (release.ts), in the order fs/proc/meminfo.c prints them. */
export function formatMeminfo(fields: ProcFields, m: MemoryFigures = memoryFigures()): string {
  const rows: ReadonlyArray<readonly [string, number, boolean?]> = [
    ['MemTotal', m.total],
    ['MemFree', m.free],
    ['MemAvailable', m.available],
    ['Buffers', m.buffers],
    ['Cached', m.cached],
    ['SwapCached', 0],
    ['Active', 1_012_376],
    ['Inactive', 1_905_112],
    ['Active(anon)', 2_112],
    ['Inactive(anon)', 496_012],
    ['Active(file)', 1_010_264],
    ['Inactive(file)', 1_409_100],
    ['Unevictable', 18_292],
    ['Mlocked', 15_508],
    ['SwapTotal', 0],
    ['SwapFree', 0],
    ...(fields.zswap
      ? ([
          ['Zswap', 0],
          ['Zswapped', 0],
        ] as const)
      : []),
    ['Dirty', 284],
    ['Writeback', 0],
    ['AnonPages', 506_900],
    ['Mapped', 187_944],
    ['Shmem', m.shmem],
    ['KReclaimable', m.sReclaimable],
    ['Slab', m.sReclaimable + 87_448],
    ['SReclaimable', m.sReclaimable],
    ['SUnreclaim', 87_448],
    ['KernelStack', 4_056],
    ['PageTables', 12_340],
    ...(fields.secPageTables ? ([['SecPageTables', 0]] as const) : []),
    ['NFS_Unstable', 0],
    ['Bounce', 0],
    ['WritebackTmp', 0],
    ['CommitLimit', Math.floor(m.total / 2)],
    ['Committed_AS', 1_490_636],
    ['VmallocTotal', 34_359_738_367],
    ['VmallocUsed', 17_068],
    ['VmallocChunk', 0],
    ['Percpu', 2_144],
    ['HardwareCorrupted', 0],
    ['AnonHugePages', 0],
    ['ShmemHugePages', 0],
    ['ShmemPmdMapped', 0],
    ['FileHugePages', 0],
    ['FilePmdMapped', 0],
    ...(fields.balloon ? ([['Balloon', 0]] as const) : []),
    ['HugePages_Total', 0, false],
    ['HugePages_Free', 0, false],
    ['HugePages_Rsvd', 0, false],
    ['HugePages_Surp', 0, false],
    ['Hugepagesize', 2_048],
    ['Hugetlb', 0],
    ['DirectMap4k', 30_720],
    ['DirectMap2M', 25_135_104],
  ];
  // HardwareCorrupted's name is too long for the column: the kernel prints it "%5lu kB".
  const line = ([name, kib, unit = true]: readonly [string, number, boolean?]): string =>
    name.length >= 16
      ? `${name}: ${String(kib).padStart(5)} kB\n`
      : `${`${name}:`.padEnd(16)}${String(kib).padStart(8)}${unit ? ' kB' : ''}\n`;
  return rows.map(line).join('');
}

/** /proc/cpuinfo: one block per CPU, `name\t: value` with the names tab-padded as x86 prints them. */
export function formatCpuinfo(cpus = MACHINE_CPUS): string {
  const block = (n: number): string =>
    [
      ['processor\t', String(n)],
      ['vendor_id\t', 'AuthenticAMD'],
      ['cpu family\t', '25'],
      ['model\t\t', '1'],
      ['model name\t', CPU_MODEL],
      ['stepping\t', '1'],
      ['microcode\t', '0xffffffff'],
      ['cpu MHz\t\t', '2449.998'],
      ['cache size\t', '512 KB'],
      ['physical id\t', '0'],
      ['siblings\t', String(cpus)],
      ['core id\t\t', String(n)],
      ['cpu cores\t', String(cpus)],
      ['apicid\t\t', String(n)],
      ['initial apicid\t', String(n)],
      ['fpu\t\t', 'yes'],
      ['fpu_exception\t', 'yes'],
      ['cpuid level\t', '13'],
      ['wp\t\t', 'yes'],
      [
        'flags\t\t',
        'fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht ' +
          'syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm constant_tsc rep_good nopl nonstop_tsc cpuid extd_apicid ' +
          'tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c ' +
          'rdrand hypervisor lahf_lm cmp_legacy cr8_legacy abm sse4a misalignsse 3dnowprefetch osvw topoext ' +
          'invpcid_single ssbd ibrs ibpb stibp vmmcall fsgsbase bmi1 avx2 smep bmi2 erms invpcid rdseed adx smap ' +
          'clflushopt clwb sha_ni xsaveopt xsavec xgetbv1 xsaves clzero xsaveerptr arat npt nrip_save umip vaes ' +
          'vpclmulqdq rdpid fsrm',
      ],
      ['bugs\t\t', 'sysret_ss_attrs spectre_v1 spectre_v2 spec_store_bypass srso'],
      ['bogomips\t', '4899.99'],
      ['TLB size\t', '2560 4K pages'],
      ['clflush size\t', '64'],
      ['cache_alignment\t', '64'],
      ['address sizes\t', '48 bits physical, 48 bits virtual'],
      ['power management', ''],
    ]
      .map(([k, v]) => `${k}:${v === '' ? '' : ` ${v}`}\n`)
      .join('');
  return Array.from({ length: cpus }, (_, n) => `${block(n)}\n`).join('');
}

/** The load averages the model holds (a quiet host). */
export const LOAD_AVERAGES: readonly [number, number, number] = [0.08, 0.03, 0.01];

/** /proc/loadavg: three averages, running/total tasks, the last pid handed out. */
export function formatLoadavg(tasks: number, lastPid: number): string {
  return `${LOAD_AVERAGES.map((l) => l.toFixed(2)).join(' ')} 1/${tasks} ${lastPid}\n`;
}

/** /proc/uptime: seconds up and seconds all CPUs idled, two decimals. */
export function formatUptime(upMs: number, cpus = MACHINE_CPUS): string {
  const up = upMs / 1000;
  return `${up.toFixed(2)} ${(up * cpus * 0.97).toFixed(2)}\n`;
}

/** How long the host has been up at `now`, given when its clock started. */
export function uptimeMs(now: number, clockStart: number): number {
  return UPTIME_AT_START_MS + Math.max(0, now - clockStart);
}

/** `up …` as uptime(1) (procps and busybox alike) writes it: `3 days,  2:05`, `15:38`, `42 min`. */
export function formatUpFor(upMs: number): string {
  const minutes = Math.floor(upMs / 60_000);
  const days = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const dayPart = days > 0 ? `${days} day${days === 1 ? '' : 's'}, ` : '';
  return h > 0 ? `${dayPart}${String(h).padStart(2)}:${String(m).padStart(2, '0')}` : `${dayPart}${m} min`;
}
