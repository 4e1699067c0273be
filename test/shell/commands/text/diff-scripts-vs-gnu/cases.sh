printf 'one\ntwo\nthree\nfour\n' > a; printf 'one\nTWO\nthree\nfour\nfive\n' > b; printf 'one\ntwo\n' > c; printf 'x' > nonl; : > empty; cp a a2
diff -e a b; echo $?; diff -e a c; diff -e c a; diff -e empty a; diff -e a empty; diff -e a a2; echo $?
diff -e nonl a; echo $?; diff -e a nonl; echo $?; printf 'a\nb' > x2; diff -e nonl x2; echo $?; diff -e nonl nonl; echo $?
printf 'a\n.\nb\n' > dot1; printf 'x\n.\n.\ny\n' > dot2; diff -e a dot2; diff -e dot1 dot2; diff -n dot1 dot2; diff -D X dot1 dot2
diff -n a b; echo $?; diff -n a c; diff -n c a; diff -n nonl a; diff -n a nonl; echo $?; diff -n a a2; echo $?; diff -n empty c
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n' > n1; printf '0\n1\n3\n4\n5\n6\n7\n8\n' > n2; diff -e n1 n2; diff -n n1 n2; diff -D N n1 n2
diff -D FOO a b; echo $?; diff -D FOO a c; diff -D FOO c a; diff -D FOO nonl a; diff -DFOO a nonl; diff -D FOO a a2; echo $?
diff --ifdef=BAR a b; diff -D '' a b; diff -D X -s a a2; diff -D X -q a b; echo $?; diff --ed a b; diff --rcs a b
diff -D X -e a b; echo $?; diff -e -u a b; echo $?; diff -n -y a b; echo $?; diff -e -q a b; diff -e -s a a2; diff -e -p a b
printf '#include <x>\n\nint main(void)\n{\n  int a = 1;\n  int b = 2;\n  int c = 3;\n  return a;\n}\n\nstatic int helper(int x)   \n{\n  x++;\n  x++;\n  x++;\n  return x;\n}\n' > m1.c
sed 's/return a/return b/; s/return x/return -x/' m1.c > m2.c; diff -p m1.c m2.c | tail -n +3; echo $?; diff -u -p m1.c m2.c | tail -n +3
diff --show-c-function -U1 m1.c m2.c | tail -n +3; diff -c -p m1.c m2.c | tail -n +3; diff -U1 -F '^static' m1.c m2.c | tail -n +3
diff -F '^s' m1.c m2.c; diff -F 'a' -F 'x' -u m1.c m2.c | grep @@; diff --show-function-line='^int' -U0 m1.c m2.c | grep @@
diff -y -p m1.c m2.c | head -3; diff -p -n m1.c m2.c; diff -p -D X m1.c m2.c | head -3; diff -p -u -c m1.c m2.c; echo $?; diff -F '\(' a b; echo $?
printf 'int f()\n{\n}\n' > q1; printf 'int g()\n{\n}\n' > q2; diff -p q1 q2 | tail -n +3; diff --color=always -u -p m1.c m2.c | tail -n +3 | head -1
printf '  \t  indented_function_with_a_really_long_name_here(void)   \nx\ny\nz\nQ\n' > r1; sed 's/Q/W/' r1 > r2; diff -U1 -F ind r1 r2 | tail -n +3
printf 'f  \t \nx\ny\nz\nQ\n' > r3; sed 's/Q/W/' r3 > r4; diff -U1 -F f r3 r4 | tail -n +3; diff -C1 -F f r3 r4 | tail -n +3
printf 'a\n# c1\nb\nc\n' > i1; printf 'a\n# c2\nb\nC\n' > i2; diff -I '^#' i1 i2; echo $?; diff -I '^#' -I '^[cC]$' i1 i2; echo $?
diff -u -I '^#' i1 i2 | tail -n +3; diff -c -I '^#' i1 i2 | tail -n +3; diff -I 'c\|C' i1 i2; echo $?; diff -I a a b; diff -q -I '^#' -I '^[cC]' i1 i2; echo $?
diff -D X -I '^#' i1 i2; echo $?; diff -D X -I '^#' -I '^[cC]$' i1 i2; echo $?; diff -y -I '^#' i1 i2; diff -e -I '^#' i1 i2; diff -n -I '^#' i1 i2
diff -I '[' i1 i2; echo $?; diff -I 'a\{' i1 i2; diff -I '\(' i1 i2; diff -I 'x\)' i1 i2; diff -I '[[:foo:]]' i1 i2; echo $?; diff -I 'a\|' i1 i2; echo $?
diff -I '^#' -s i1 i2; diff --ignore-matching-lines='^[#cC]' -s i1 i2; echo $?; printf 'a\n\n# x\nb\n' > i3; diff -B -I '^#' a2 i3; echo $?; diff -B -I '^#' c i3; echo $?
mkdir -p d1/sub d2/sub d1/skip; echo x > d1/f.o; echo y > d2/f.o; echo s > d1/sub/g; echo t > d2/sub/g; echo n > d2/new.txt; echo a > d1/aa; echo b > d2/aa
echo '*.o' > ex; printf 'sub\nnew*\n' > ex2; diff -r d1 d2; echo $?; diff -r -x '*.o' d1 d2; echo $?; diff -r -x sub -x skip d1 d2; echo $?
diff -r -X ex -X ex2 d1 d2; echo $?; diff -x '*.o' d1/f.o d2/f.o; echo $?; diff -x d1 -r d1 d2 | head -2; diff -r -x 'sub/g' d1 d2 | head -3
diff -r -X nosuch d1 d2; echo $?; diff -x aa d1 d2; echo $?; diff --exclude=aa --brief d1 d2; diff -qr -x 'f.*' d1 d2; diff -r --exclude-from=ex d1 d2 -q
diff -r -x '[a-f]*' -x '?kip' d1 d2; echo $?; diff -r -x '*' d1 d2; echo $?; diff -rN -x sub d1 d2; diff -r -e d1 d2; diff -r -n -x sub d1 d2
diff -r -D X d1 d2; echo $?; diff -D X d1 d2; echo $?; diff -D X d1/aa d2; echo $?; diff -r -x 'aa' -x 'f.o' -x sub -s d1 d2
diff --horizon-lines=5 a b; diff --speed-large-files -u a b | tail -n +3; diff --horizon-lines=x a b; echo $?
mkdir -p e1/only/deep e2; echo q > e1/only/f; echo r > e1/only/deep/g; diff -rN e1 e2; echo $?; diff -N e1 e2; echo $?; diff -rN e2 e1; diff -N -q -r e1 e2
diff -r --unidirectional-new-file e2 e1; echo $?; diff -r --unidirectional-new-file e1 e2; echo $?; diff -rN -u e2 e1 | grep -v '^[-+][-+][-+] '
