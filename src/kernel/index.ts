// The kernel model's public face: what the shell, the Docker model and the screen import.
export { Kernel, type KernelOptions, type Mount, type OverlayMountRequest } from './kernel.js';
export {
  DEFAULT_KERNEL_RELEASE,
  kernelFeatures,
  type KernelFeatures,
  type KernelVersion,
  parseKernelRelease,
} from './release.js';
export { Proc, type ProcOptions } from './proc.js';
export { mountContainerSystem, maskContainerPaths } from './container-mounts.js';
export { Disk, type PinnedFile, type UnpackItem } from './disk.js';
export { OverlayFs, type OverlayLayers } from './overlayfs.js';
export { parseTmpfsOptions, TMPFS_DEFAULT_KB, TmpFs, type TmpfsOptions } from './tmpfs.js';
export { FS_IMMUTABLE_FL } from './filesystem.js';
export { ReadOnlyFs, readOnlyOptions } from './readonly-fs.js';
export { KernelError, ERRNO, isKernelError, type ErrnoCode } from './errors.js';
export type { KernelEvent, KernelListener } from './events.js';
export * from './types.js';
export { seededRandom, fixedClock, followingClock, steppingClock } from './determinism.js';
export { Budget, BudgetExceeded, DEFAULT_BUDGET, type BudgetLimits, type BudgetReason } from './budget.js';
export { moreOf, readCharDevice } from './endless.js';
export {
  isSynthetic,
  readSynthetic,
  type SyntheticContent,
  syntheticBytes,
  syntheticChunks,
  syntheticContent,
} from './synthetic.js';
export {
  type ComposedContent,
  ContentBuilder,
  type ContentPiece,
  composeContent,
  concatBytes,
  contentBytes,
  contentChunks,
  contentKey,
  contentSize,
  type FileContent,
  isComposed,
  isLazy,
  type LazyContent,
  readContentAt,
  readRange,
  sliceContent,
  type SyntheticRange,
} from './content.js';
export {
  commOf,
  containerNamespaces,
  HOST_NAMESPACES,
  initTask,
  NS_KINDS,
  readerTask,
  type NsKind,
  type Task,
  type TaskList,
  type TaskReader,
  type TaskSource,
} from './tasks.js';
export {
  CPU_MODEL,
  formatUpFor,
  LOAD_AVERAGES,
  MACHINE_CPUS,
  MEM_TOTAL_KIB,
  memoryFigures,
  type MemoryFigures,
} from './machine.js';
export { mayAccess, MAY_EXEC, MAY_READ, MAY_WRITE } from './permission.js';
export {
  BLOCK_SIZE,
  type BlockRanges,
  blocksOfBytes,
  clipBlocks,
  denseBlocks,
  intersectBlocks,
  minusBlocks,
  nonZeroBlocks,
  unionBlocks,
  withoutBlocks,
} from './allocation.js';
