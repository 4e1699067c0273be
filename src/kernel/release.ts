// Which Linux the simulated host runs: its release (what `uname -r`, /proc/version and `docker
// info` print) and what the kernel model does differently because of it. The default is Ubuntu
// 22.04's 5.15, the kernel of Docker 20.10's era. The conformance suites compare the model with
// the machine they run on, so they hand the model that machine's release instead: every behaviour
// that changed between the two is a predicate here, read from the kernel's sources at each release.

/** Ubuntu 22.04's kernel, as `uname -r` prints it. */
export const DEFAULT_KERNEL_RELEASE = '5.15.0-91-generic';

export interface KernelVersion {
  /** As `uname -r` prints it: 5.15.0-91-generic, 6.18.44-fc-v1272. */
  release: string;
  major: number;
  minor: number;
  patch: number;
}

/** The version a release string starts with (`6.7`, `5.15.0-91-generic`); undefined if none. */
export function parseKernelRelease(release: string): KernelVersion | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(release);
  if (!m) return undefined;
  return { release, major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

const atLeast = (v: KernelVersion, major: number, minor: number): boolean =>
  v.major > major || (v.major === major && v.minor >= minor);

/** What the kernel model does that depends on the release. */
export interface KernelFeatures {
  /**
   * 6.7 (fs/overlayfs/xattrs.c, ovl_xattr_escape_name): a trusted.overlay.X read, set or removed
   * through merged is trusted.overlay.overlay.X on the real inode, and listxattr shows such a
   * name unescaped. Before, ovl_own_xattr_get/set refuse every trusted.overlay.* name with
   * EOPNOTSUPP (nothing copied up) and listxattr hides them all.
   */
  overlayXattrEscape: boolean;
  /**
   * 6.6 (uuid=auto, ovl_init_uuid_xattr): a new upper gets a trusted.overlay.uuid at mount time
   * and /proc/mounts shows uuid=on (uuid=null for an old overlay's upper). Before, uuid was a
   * plain on/off option that wrote nothing, and only uuid=off was shown.
   */
  overlayUuidXattr: boolean;
  /**
   * 6.5 (the new mount API, fs/overlayfs/params.c): redirect_dir is kept as a mode, `off` read as
   * follow (redirect_always_follow), and a mount without upper turns follow into on, which
   * /proc/mounts then shows. Before, ovl_show_options printed the redirect_dir string given
   * whenever it differed from the module's default string, "off".
   */
  overlayRedirectModes: boolean;
  /** 6.0 (mm/shmem.c, shmem_fileattr_get/set): tmpfs answers FS_IOC_GETFLAGS/SETFLAGS (lsattr,
   * chattr +i). Before, the ioctl is ENOTTY there. */
  tmpfsFileattr: boolean;
  /** The names /proc/meminfo and /proc/<pid>/status add at a release (meminfo.ts). */
  procFields: ProcFields;
}

/**
 * Lines fs/proc/meminfo.c and fs/proc/array.c print from a release on (each where Ubuntu's config
 * builds it; a line a kernel config can leave out, such as Unaccepted or x86_Thread_features, is
 * not modelled).
 */
export interface ProcFields {
  /** 5.19 (zswap's meminfo coverage): Zswap and Zswapped after SwapFree. */
  zswap: boolean;
  /** 6.1 (NR_SECONDARY_PAGETABLE): SecPageTables after PageTables. */
  secPageTables: boolean;
  /** 6.15 (NR_BALLOON_PAGES): Balloon after FilePmdMapped. */
  balloon: boolean;
  /** 6.4 (x86 LAM, arch_proc_pid_thread_features): status' untag_mask after THP_enabled. */
  untagMask: boolean;
  /** 6.10 (proc_pid_status): status' Kthread after NSsid, 0 for a process. */
  kthread: boolean;
  /** 6.13 (the vDSO's clock pages mapped apart): maps' [vvar_vclock] after [vvar]. */
  vvarVclock: boolean;
}

/** The features of a release; one that does not parse is taken for the default's. */
export function kernelFeatures(release: string): KernelFeatures {
  const v = parseKernelRelease(release) ?? (parseKernelRelease(DEFAULT_KERNEL_RELEASE) as KernelVersion);
  return {
    overlayXattrEscape: atLeast(v, 6, 7),
    overlayUuidXattr: atLeast(v, 6, 6),
    overlayRedirectModes: atLeast(v, 6, 5),
    tmpfsFileattr: atLeast(v, 6, 0),
    procFields: {
      zswap: atLeast(v, 5, 19),
      secPageTables: atLeast(v, 6, 1),
      balloon: atLeast(v, 6, 15),
      untagMask: atLeast(v, 6, 4),
      kthread: atLeast(v, 6, 10),
      vvarVclock: atLeast(v, 6, 13),
    },
  };
}
