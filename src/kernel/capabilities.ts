// Linux capabilities as far as the simulated host uses them: the names by bit (linux/capability.h,
// 41 of them since 5.9's CAP_CHECKPOINT_RESTORE, which 5.15 and 6.x both have), the set Docker 20.10
// gives a container (oci/caps/defaults.go), and a process's effective set in its credentials
// (absent: a host process, root with every capability).
import type { Credentials } from './types.js';

export const CAPABILITY_NAMES = [
  'CHOWN',
  'DAC_OVERRIDE',
  'DAC_READ_SEARCH',
  'FOWNER',
  'FSETID',
  'KILL',
  'SETGID',
  'SETUID',
  'SETPCAP',
  'LINUX_IMMUTABLE',
  'NET_BIND_SERVICE',
  'NET_BROADCAST',
  'NET_ADMIN',
  'NET_RAW',
  'IPC_LOCK',
  'IPC_OWNER',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_CHROOT',
  'SYS_PTRACE',
  'SYS_PACCT',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_NICE',
  'SYS_RESOURCE',
  'SYS_TIME',
  'SYS_TTY_CONFIG',
  'MKNOD',
  'LEASE',
  'AUDIT_WRITE',
  'AUDIT_CONTROL',
  'SETFCAP',
  'MAC_OVERRIDE',
  'MAC_ADMIN',
  'SYSLOG',
  'WAKE_ALARM',
  'BLOCK_SUSPEND',
  'AUDIT_READ',
  'PERFMON',
  'BPF',
  'CHECKPOINT_RESTORE',
] as const;

export type Capability = (typeof CAPABILITY_NAMES)[number];

export const capBit = (name: Capability): bigint => 1n << BigInt(CAPABILITY_NAMES.indexOf(name));

/** Every capability the kernel has (a privileged container's set). */
export const ALL_CAPABILITIES = (1n << BigInt(CAPABILITY_NAMES.length)) - 1n;

/** What Docker 20.10 gives a container by default. */
export const DOCKER_DEFAULT_CAPABILITIES = (
  [
    'CHOWN',
    'DAC_OVERRIDE',
    'FSETID',
    'FOWNER',
    'MKNOD',
    'NET_RAW',
    'SETGID',
    'SETUID',
    'SETFCAP',
    'SETPCAP',
    'NET_BIND_SERVICE',
    'SYS_CHROOT',
    'KILL',
    'AUDIT_WRITE',
  ] as const
).reduce((mask, name) => mask | capBit(name), 0n);

/** Whether a process with these credentials holds the capability: root's, unless its set lacks it. */
export function capable(cred: Credentials, name: Capability): boolean {
  if (cred.uid !== 0) return false;
  return cred.caps === undefined || (cred.caps & capBit(name)) !== 0n;
}

/** caps.NormalizeLegacyCapabilities: upper case, CAP_ prefixed, ALL kept; an unknown one refused. */
export function normalizeCapabilities(names: readonly string[]): { caps: string[] } | { unknown: string } {
  const caps: string[] = [];
  for (const given of names) {
    const upper = given.toUpperCase();
    if (upper === 'ALL') {
      caps.push('ALL');
      continue;
    }
    const name = upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
    if (!(CAPABILITY_NAMES as readonly string[]).includes(name.slice(4))) return { unknown: name };
    caps.push(name);
  }
  return { caps };
}

/** caps.TweakCapabilities: a container's effective set from --privileged, --cap-add and --cap-drop
 * (already normalised): ALL among the adds gives all but the drops, ALL among the drops only the adds. */
export function containerCapabilities(add: readonly string[], drop: readonly string[], privileged: boolean): bigint {
  if (privileged) return ALL_CAPABILITIES;
  const mask = (names: readonly string[]): bigint =>
    names.filter((n) => n !== 'ALL').reduce((m, n) => m | capBit(n.replace(/^CAP_/, '') as Capability), 0n);
  if (add.includes('ALL')) return ALL_CAPABILITIES & ~mask(drop);
  if (drop.includes('ALL')) return mask(add);
  return (DOCKER_DEFAULT_CAPABILITIES & ~mask(drop)) | mask(add);
}

/** /proc/PID/status's capability masks: 16 hex digits. */
export const capHex = (mask: bigint): string => mask.toString(16).padStart(16, '0');
