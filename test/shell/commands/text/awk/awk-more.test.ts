// awk golden, more: expected stdout, stderr and exit status captured from the real GNU tools
// (coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2.1 invoked as awk) in the C.UTF-8 locale.
import { describeGolden, type GoldenCase } from '../text-harness.js';

const cases: GoldenCase[] = [
 {
  "line": "awk 'BEGIN { printf \"%c%c%c\\n\", 228, 8364, \"€uro\"; printf \"[%5c]\\n\", \"x\" }'",
  "stdin": "",
  "out": "ä€€\n[    x]\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print $2 > \"/dev/stderr\" }'",
  "stdin": "a b\n",
  "out": "",
  "err": "b\n",
  "code": 0
 },
 {
  "line": "awk '{ n = split($0, a); print n, a[1] }'",
  "stdin": "   lead  trail   \n",
  "out": "2 lead\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -F ' ' '{ print $2 }'",
  "stdin": "  a   b  \n",
  "out": "b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -F '|' '{ print $2 }'",
  "stdin": "a|b|c\n",
  "out": "b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -F . '{ print $2 }'",
  "stdin": "a.b.c\n",
  "out": "b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -F '\\\\|' '{ print $3 }'",
  "stdin": "a|b|c\n",
  "out": "c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -F, -v OFS='\\t' '{ $1 = $1 } 1'",
  "stdin": "a,b,c\n",
  "out": "a\tb\tc\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -v a=1 -v b=2 'BEGIN { print a + b, a b }'",
  "stdin": "",
  "out": "3 12\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { for (;;) { if (++i > 3) break }; print i }'",
  "stdin": "",
  "out": "4\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'NR == FNR { seen[$1] = 1; next } $1 in seen' a b",
  "stdin": "",
  "files": {
   "a": "x\ny\n",
   "b": "y\nz\nx\n"
  },
  "out": "y\nx\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { print \"\\x41\\101\\t|\", 0x10, \"0x1A\" + 0 }'",
  "stdin": "",
  "out": "AA\t| 16 0\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { a = \"3.0\"; print (a == 3) } { print ($1 == 3) }'",
  "stdin": "3.0\n",
  "out": "0\n1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print ($1 == $2), ($1 < $2) }'",
  "stdin": "1e1 10\n abc abd\n10 9\n",
  "out": "1 0\n0 1\n0 0\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN {\n  x = 1\n  y = x +\n}'",
  "stdin": "",
  "out": "",
  "err": "awk: cmd. line:4:   y = x +\nawk: cmd. line:4:          ^ unexpected newline or end of string\n",
  "code": 1
 },
 {
  "line": "awk 'BEGIN { print 1\nprint 2 }\nEND { print NR }'",
  "stdin": "a\n",
  "out": "1\n2\n1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ getline; print \"after getline:\", $0 }'",
  "stdin": "1\n2\n3\n4\n",
  "out": "after getline: 2\nafter getline: 4\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ getline line; print $0 \"+\" line }'",
  "stdin": "1\n2\n3\n",
  "out": "1+2\n3+2\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'function add(a, b) { return a + b }\n{ total = add(total, $1) }\nEND { print \"total:\", total }'",
  "stdin": "1\n2\n3.5\n",
  "out": "total: 6.5\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { s = sprintf(\"%-10s|%10s|\", \"left\", \"right\"); print s; print length(s) }'",
  "stdin": "",
  "out": "left      |     right|\n22\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print NF \":\" $NF }'",
  "stdin": "a b c\n\n  x  \n",
  "out": "3:c\n0:\n1:x\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { x = \"abc\"; print x ~ \"b\", x ~ /^a/, x !~ /c$/ ; print \"a.c\" ~ \"a\\\\.c\" }'",
  "stdin": "",
  "out": "1 1 0\n1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ sub(/^ +/, \"\"); print \"[\" $0 \"]\" }'",
  "stdin": "   indented\n",
  "out": "[indented]\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ $3 = \"\"; print; print NF }'",
  "stdin": "a b c d\n",
  "out": "a b  d\n4\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { printf \"%s %s %s\\n\", 1e6, 1e16, 123456789012 }'",
  "stdin": "",
  "out": "1000000 10000000000000000 123456789012\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { print 100000 * 1000000, 2^31, 2^63, 0.000001, 1234567.5 }'",
  "stdin": "",
  "out": "100000000000 2147483648 9223372036854775808 1e-06 1.23457e+06\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print toupper($1) ; print tolower(\"ÀB\") }'",
  "stdin": "abc\n",
  "out": "ABC\nàb\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { printf \"%d %d %d\\n\", \"0x1A\", 3.999, -3.999; printf \"%5.3d|%-+5d|% d\\n\", 7, 7, 7 }'",
  "stdin": "",
  "out": "0 3 -3\n  007|+7   | 7\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { printf \"%#o %#x %#X %x\\n\", 8, 255, 255, -1 }'",
  "stdin": "",
  "out": "010 0xff 0XFF ffffffffffffffff\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { print length(12345), length(1/3) }'",
  "stdin": "",
  "out": "5 8\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '/a/ && /b/ || /^z/'",
  "stdin": "ab\na\nzz\nba\n",
  "out": "ab\nzz\nba\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '$2 ~ /^[0-9]+$/ { s += $2 } END { print s+0 }'",
  "stdin": "x 10\ny abc\nz 5\n",
  "out": "15\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { while ((getline line < \"data\") > 0) n++; print n, line }'",
  "stdin": "",
  "files": {
   "data": "1\n2\n3\n"
  },
  "out": "3 3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { print index(\"\", \"\") , index(\"a\", \"\"), substr(\"hello\", 0), substr(\"hello\", -1, 3) }'",
  "stdin": "",
  "out": "1 1 hello hel\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { n = split(\"\", arr); print n, length(arr) }'",
  "stdin": "",
  "out": "0 0\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ a[NR] = $0 } END { for (i = NR; i >= 1; i--) print a[i] }'",
  "stdin": "1\n2\n3\n",
  "out": "3\n2\n1\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { printf \"no newline\" }'",
  "stdin": "",
  "out": "no newline",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { OFS = \"-\"; $0 = \"a b c\"; $1 = $1; print; print $0 }'",
  "stdin": "",
  "out": "a-b-c\na-b-c\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print; next; print \"never\" }'",
  "stdin": "x\n",
  "out": "x\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { x[1]; delete x; print length(x) }'",
  "stdin": "",
  "out": "0\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { getline; print \"got \" $0; getline; print \"got \" $0 }'",
  "stdin": "first\nsecond\n",
  "out": "got first\ngot second\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print > \"out\" } END { close(\"out\"); while ((getline l < \"out\") > 0) print \"re:\", l }'",
  "stdin": "a\nb\n",
  "out": "re: a\nre: b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { printf \"%s\\n\" }'",
  "stdin": "",
  "out": "",
  "err": "awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%s\n'\n\t ^ ran out for this one\n",
  "code": 2
 },
 {
  "line": "awk '{ print $-1 }'",
  "stdin": "a\n",
  "out": "",
  "err": "awk: cmd. line:1: (FILENAME=- FNR=1) fatal: attempt to access field -1\n",
  "code": 2
 },
 {
  "line": "awk 'BEGIN { print substr(\"hello\", 2, 3) > \"/dev/stdout\" }'",
  "stdin": "",
  "out": "ell\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'END { print $0 }'",
  "stdin": "a\nb\n",
  "out": "b\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk -f prog.awk data",
  "stdin": "",
  "files": {
   "prog.awk": "{ print NR \": \" $0 }\n",
   "data": "x\ny\n"
  },
  "out": "1: x\n2: y\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { print }'",
  "stdin": "",
  "out": "\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk '{ print $1 }' OFS=: FS=, data",
  "stdin": "",
  "files": {
   "data": "a,b\n"
  },
  "out": "a\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN { print 1 == 1, \"a\" == \"a\", 2 != 2; print !0, !1, !\"\", !\"a\", -\"3\" }'",
  "stdin": "",
  "out": "1 1 0\n1 0 1 0 -3\n",
  "err": "",
  "code": 0
 },
 {
  "line": "awk 'BEGIN{ print length(\"a\\tb\"), \"a\" > \"b\" }'",
  "stdin": "",
  "out": "",
  "err": "",
  "code": 0
 }
];

describeGolden('awk golden, more', cases);
