// The errno a kernel call fails with (as the syscall would return it), or undefined when it succeeds.
import { KernelError } from '../../src/kernel/index.js';

export function errno(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (err instanceof KernelError) return err.code;
    throw err;
  }
}
