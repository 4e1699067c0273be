// The interface numbers (ifindex) of the host's network namespace, as the kernel hands them out:
// one counter that only goes up (an index freed by a removed veth is not given again). A 20.10
// host starts with lo (1), eth0 (2) and docker0 (3); a user network's bridge takes the next one
// when the network is created, and each endpoint a veth pair: the container's end first (the peer
// veth_newlink registers before the device asked for), then the host's. The container's end keeps
// its number when it moves into the container's namespace, so eth0 shows as `N: eth0@ifN+1`.
import type { Kernel } from '../../kernel/index.js';

/** The next free index of each host (the counter lives as long as the host's kernel does). */
const nextIndex = new WeakMap<object, number>();

/** Takes `count` consecutive interface numbers on the host; returns the first. */
export function takeIfindex(host: { kernel: Kernel }, count: number): number {
  const first = nextIndex.get(host.kernel) ?? 4;
  nextIndex.set(host.kernel, first + count);
  return first;
}
