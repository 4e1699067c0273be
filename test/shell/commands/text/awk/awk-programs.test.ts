// awk programs: expected stdout, stderr and exit status captured from the real GNU tools
// (coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2.1 invoked as awk) in the C.UTF-8 locale.
import { describeGolden, type GoldenCase } from '../text-harness.js';

const cases: GoldenCase[] = [
 {
  "line": "awk '{ if ($1 > 0) print \"pos\"; else print \"neg\" }'",
  "stdin": "1\n-1\n",
  "out": "pos\nneg\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ if ($1 > 0)\n  print \"pos\"\nelse\n  print \"neg\"\n}'",
  "stdin": "1\n-1\n",
  "out": "pos\nneg\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { print -12 \" \" -24 }'",
  "stdin": "",
  "out": "-12-24\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -F'[][]' '{ print $2 }'",
  "stdin": "a[b]c\n",
  "out": "b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print $1 }' RS=','",
  "stdin": "a b,c d,e\n",
  "out": "a\nc\ne\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { FS = \"[ \\t]+\" } { print $2 }'",
  "stdin": "a \t b\n",
  "out": "b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '/overlay/ { print $3 }'",
  "stdin": "overlay on / type overlay (rw,relatime,lowerdir=/a:/b,upperdir=/u,workdir=/w)\nproc on /proc type proc (rw)\n",
  "out": "/\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '$3 == \"overlay\" { n = split($6, o, \",\"); for (i = 1; i <= n; i++) if (o[i] ~ /^lowerdir=/) { sub(/^lowerdir=/, \"\", o[i]); gsub(/:/, \"\\n\", o[i]); print o[i] } }'",
  "stdin": "overlay on / type overlay (rw,relatime,lowerdir=/a:/b,upperdir=/u,workdir=/w)\n",
  "out": "",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ printf(\"%s\\t%s\\n\", $1, $NF) }'",
  "stdin": "a b c\n",
  "out": "a\tc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'NR==2, NR==3'",
  "stdin": "1\n2\n3\n4\n",
  "out": "2\n3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '/b/,0'",
  "stdin": "a\nb\nc\n",
  "out": "b\nc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ a[$1] = a[$1] ? a[$1] \",\" $2 : $2 } END { print a[\"x\"] }'",
  "stdin": "x 1\ny 2\nx 3\n",
  "out": "1,3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { printf \"%s %s %s\\n\", \"a\", \"b\" \"c\", 1 + 2 }'",
  "stdin": "",
  "out": "a bc 3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print ($1 ~ \"^[0-9]+$\") ? \"num\" : \"str\" }'",
  "stdin": "12\nab\n",
  "out": "num\nstr\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ $0 = $0 \" extra\"; print NF }'",
  "stdin": "a b\n",
  "out": "3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { while (i++ < 3) print i; for (j = 0; j < 2; j++); print j }'",
  "stdin": "",
  "out": "1\n2\n3\n2\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print NR \": \" $0 }' -",
  "stdin": "x\n",
  "out": "1: x\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { getline line < \"-\"; print \"got:\" line }'",
  "stdin": "from stdin\n",
  "out": "got:from stdin\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print substr($0, index($0, \"=\") + 1) }'",
  "stdin": "key=value=x\n",
  "out": "value=x\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { print length(\"x\" 1 2) ; print 1 \" \" 2, 3 }'",
  "stdin": "",
  "out": "3\n1 2 3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ sum[$1] += $2 } END { n = asorti(sum, keys); for (i = 1; i <= n; i++) print keys[i], sum[keys[i]] }'",
  "stdin": "b 1\na 2\nb 3\n",
  "out": "a 2\nb 4\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { x = 5; x += x *= 2; print x; y = 2; y ^= 3; print y; z = 7; z %= 4; print z }'",
  "stdin": "",
  "out": "20\n8\n3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { a = 1; b = a++ + ++a; print a, b }'",
  "stdin": "",
  "out": "3 4\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print $NF; NF--; print }'",
  "stdin": "a b c\n",
  "out": "c\na b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ printf \"%-15s%10.2f\\n\", $1, $2 }'",
  "stdin": "nginx 141.5\nubuntu 72.8\n",
  "out": "nginx              141.50\nubuntu              72.80\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { OFS=\"\\t\" } { $1 = $1; print }'",
  "stdin": "a b c\n",
  "out": "a\tb\tc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{print $1,$2}' OFS=':'",
  "stdin": "a b\n",
  "out": "a:b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { printf \"%s\", \"no newline\" > \"/dev/stderr\" }'",
  "stdin": "",
  "out": "",
  "err": "no newline",
  "code": 0
 },
 {
  "line": "awk '{ print > (\"out_\" $1) } END { close(\"out_a\"); getline l < \"out_a\"; print l }'",
  "stdin": "a 1\nb 2\n",
  "out": "a 1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { if (!(3 in a)) print \"absent\"; if (a[3] == \"\") print \"empty\"; if (3 in a) print \"now present\" }'",
  "stdin": "",
  "out": "absent\nempty\nnow present\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) s += $i } END { print s }'",
  "stdin": "a 1 b 2\n3 c\n",
  "out": "6\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'END { print NR }' a b",
  "stdin": "",
  "files": {
   "a": "1\n2\n",
   "b": "3"
  },
  "out": "3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print FNR, NR, FILENAME }' a - b",
  "stdin": "s\n",
  "files": {
   "a": "1\n",
   "b": "3\n"
  },
  "out": "1 1 a\n1 2 -\n1 3 b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN{printf \"%.3e %G %E\\n\", 123456, 0.00001234, 5}'",
  "stdin": "",
  "out": "1.235e+05 1.234E-05 5.000000E+00\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { print 3 \" \" -1; print 1 - -1; print 2 - - 2 }'",
  "stdin": "",
  "out": "3-1\n2\n4\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { s = \"a b  c\"; gsub(/ +/, \" \", s); print s; print toupper(s) }'",
  "stdin": "",
  "out": "a b c\nA B C\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { n = split(\"2024-01-15T10:30:00Z\", t, /[-T:Z]/); print n, t[1], t[4] }'",
  "stdin": "",
  "out": "7 2024 10\n",
  "err": "",
  "code": 0
 }
];

describeGolden('awk programs', cases);
