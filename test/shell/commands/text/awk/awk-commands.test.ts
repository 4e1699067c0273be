// awk commands (system, pipes, cmd | getline): expected stdout, stderr and exit status captured from the real GNU tools
// (coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2.1 invoked as awk) in the C.UTF-8 locale.
import { describeGolden, type GoldenCase } from '../text-harness.js';

const cases: GoldenCase[] = [
  {
    line: 'awk \'BEGIN { while (("echo hello world" | getline line) > 0) print "got", line; print close("echo hello world") }\'',
    stdin: '',
    out: 'got hello world\n0\n',
    err: '',
    code: 0,
  },
  {
    line: 'awk \'BEGIN { "echo a b c" | getline; print $2, NF, NR }\'',
    stdin: '',
    out: 'b 3 0\n',
    err: '',
    code: 0,
  },
  {
    line: 'awk \'BEGIN { r = system("false"); print "status", r; r = system("echo inside"); print "status", r }\'',
    stdin: '',
    out: 'status 1\ninside\nstatus 0\n',
    err: '',
    code: 0,
  },
  {
    line: 'awk \'{ print | "sort" } END { print "end" }\'',
    stdin: 'b\na\nc\n',
    out: 'a\nb\nc\nend\n',
    err: '',
    code: 0,
  },
  {
    line: 'awk \'{ print | "sort" } END { close("sort"); print "end" }\'',
    stdin: 'b\na\nc\n',
    out: 'a\nb\nc\nend\n',
    err: '',
    code: 0,
  },
  {
    line: 'awk \'{ print $1 | "sort -r"; print "direct", $1 }\'',
    stdin: 'b\na\n',
    out: 'b\na\ndirect b\ndirect a\n',
    err: '',
    code: 0,
  },
  {
    line: 'awk \'BEGIN { print "one"; system("echo two"); print "three" }\'',
    stdin: '',
    out: 'one\ntwo\nthree\n',
    err: '',
    code: 0,
  },
  {
    line: 'awk \'{ cmd = "echo " $1; cmd | getline out; close(cmd); print $1 "->" out }\'',
    stdin: 'x\ny\n',
    out: 'x->x\ny->y\n',
    err: '',
    code: 0,
  },
  {
    line: 'awk \'BEGIN { print "x" > "f"; close("f"); system("cat f"); print "after" }\'',
    stdin: '',
    out: 'x\nafter\n',
    err: '',
    code: 0,
  },
  {
    line: 'awk \'BEGIN { printf "a\\n" | "cat"; r = close("cat"); print "r=" r; print "b" | "false"; print "c=" close("false") }\'',
    stdin: '',
    out: 'a\nr=0\nc=1\n',
    err: '',
    code: 0,
  },
];

describeGolden('awk commands (system, pipes, cmd | getline)', cases);
