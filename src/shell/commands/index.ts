// The file and system commands of the simulated host, as one table. The host adds jq, the text
// utilities and docker (src/host/sim-host.ts).
import { ddCommand } from './fs/dd.js';
import type { CommandSpec } from '../command.js';
import { attrCommands } from './fs/attrs.js';
import { copyCommands } from './fs/copy.js';
import { fileCommands } from './fs/files.js';
import { findCommands } from './fs/find.js';
import { editorCommands } from './fs/editors.js';
import { fileCommand } from './fs/file.js';
import { findmntCommand } from './fs/findmnt.js';
import { chattrCommand, lsattrCommand } from './fs/lsattr.js';
import { lsCommand } from './fs/ls.js';
import { nameCommands } from './fs/names.js';
import { makeXfsInfo, mountCommands } from './fs/mounts.js';
import { statCommand } from './fs/stat.js';
import { tarCommand } from './fs/tar.js';
import { DEFAULT_MACHINE, systemCommands, type MachineInfo } from './fs/system.js';
import { xattrCommands } from './fs/xattr.js';
import { machineCommands } from './fs/machine-tools.js';
import { fallocateCommand } from './fs/fallocate.js';
import { truncateCommand } from './fs/truncate.js';
import { getconfCommand } from './fs/getconf.js';
import { suCommand } from './fs/su.js';
import { nsenterCommand } from './fs/nsenter.js';

export { DEFAULT_MACHINE, type MachineInfo } from './fs/system.js';

export interface FsCommandOptions {
  machine?: MachineInfo;
  /** Mountpoints xfs_info reports as XFS with ftype=1. */
  xfsMounts?: readonly string[];
}

export function fsCommands(options: FsCommandOptions = {}): CommandSpec[] {
  return [
    lsCommand,
    statCommand,
    ...fileCommands,
    ...attrCommands,
    ...copyCommands,
    ...findCommands,
    ...nameCommands,
    ...mountCommands,
    findmntCommand,
    fileCommand,
    ...editorCommands,
    lsattrCommand,
    chattrCommand,
    ...xattrCommands,
    tarCommand,
    ddCommand,
    makeXfsInfo(options.xfsMounts ?? []),
    ...systemCommands(options.machine ?? DEFAULT_MACHINE),
    ...machineCommands,
    nsenterCommand,
    truncateCommand,
    fallocateCommand,
    getconfCommand,
    suCommand,
  ];
}

/** Commands that live in /usr/sbin rather than /usr/bin on Ubuntu 22.04. */
export const SBIN = new Set(['xfs_info', 'dockerd', 'mkfs.xfs', 'chroot', 'mknod']);
