// The whole-tree walks the bench times on the simulator and on the real kernel: the same command
// lines on both sides (GNU find, du and ls on the real one), each printing one line per entry
// or less. `entries` is what find prints, the count each walk is set against.
export const WALKS: Array<{ name: string; line: (dir: string) => string; argv: (dir: string) => string[] }> = [
  { name: 'find', line: (d) => `find ${d}`, argv: (d) => ['find', d] },
  { name: 'du -s', line: (d) => `du -s ${d}`, argv: (d) => ['du', '-s', d] },
  { name: 'ls -lR', line: (d) => `ls -lR ${d}`, argv: (d) => ['ls', '-lR', d] },
];
