printf 'one\ntwo\nthree\nfour\n' > a; printf 'one\nTWO\nthree\nfour\nfive\n' > b; printf 'one\ntwo\n' > c; printf 'x' > nonl; : > empty; cp a a2
diff -c a b | tail -n +3; diff -c a c | tail -n +3; diff -c c a | tail -n +3; diff -c nonl a | tail -n +3; diff -c a nonl | tail -n +3
diff -c empty a | tail -n +3; diff -C1 a b | tail -n +3; diff -C 0 a b | tail -n +3; diff -c -L old -L new a b; echo $?; diff -c a a2; echo $?
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n' > n1; sed 's/^2$/X/; s/^11$/Y/' n1 > n2; diff -c n1 n2 | tail -n +3; diff -C2 n1 n2 | tail -n +3
diff -c a b | head -2 | cut -c1-4; diff --context=1 a b | tail -n +3
diff -y a b; echo $?; diff -y a a2; echo $?; diff -y -W 40 a b; diff -y -W 10 a b; diff -y --width=70 c a
diff -y nonl a; diff -y a nonl; diff -y empty c; diff -y --suppress-common-lines a b; diff -y --left-column a b
printf 'x\ty\n\tlead\nsame\n' > t1; printf 'x\tz\n\tlead\nsame\n' > t2; diff -y t1 t2; diff -y -t t1 t2; diff -y -W 30 t1 t2; diff -y -t -W 31 t1 t2
printf 'a very long line that goes on and on past the middle of the screen, far past it\nb\n' > long1; printf 'short\nb\n' > long2; diff -y long1 long2; diff -y -W 50 long2 long1
diff -y -q a b; diff -c -u a b; echo $?; diff -y -c a b; echo $?; diff -W 0 -y a b; echo $?; diff -W x -y a b; diff -C x a b; echo $?
diff -T t1 t2; diff -t t1 t2; diff -u -T t1 t2 | tail -n +3; diff -u -t t1 t2 | tail -n +3; diff -c -T t1 t2 | tail -n +3
diff --color=always a b; diff --color=always -u a b | tail -n +3; diff --color=always -c a b | tail -n +3; diff --color=never a b
diff --color=always nonl a; diff --color=always -u a nonl | tail -n +3; diff --color=always -y a b; diff --color a b; diff --color=sometimes a b
printf 'a\n\nb\n' > b1; printf 'a\nb\n\n\n' > b2; printf 'a\n\nx\nb\n' > b3; diff -B b1 b2; echo $?; diff -B b1 b3; echo $?; diff -B -u b1 b2; echo $?
printf 'a\n\nb\nc\n' > b4; diff -B -u b4 b3 | tail -n +3; diff -B -c b1 b3 | tail -n +3; diff -B -q b1 b2; echo $?; diff -B -y b1 b3
mkdir -p d1/sub d2/sub; echo x > d1/f; echo y > d2/f; echo s > d1/sub/g; echo t > d2/sub/g; echo n > d2/new; echo a > d1/aa; echo z > d1/zz
diff -r -c d1 d2 | grep -v '^[-*][-*][-*] '; diff -r --color=always d1 d2; diff -r -y -W 20 d1 d2; diff -r -N -u d1 d2 | grep -v '^[-+][-+][-+] '; echo $?
diff -r -S f d1 d2; echo $?; diff -r -S sub d1 d2; diff -r --starting-file=g d1 d2; diff -rq -S new d1 d2; diff -r -N -q d1 d2
diff -r -U 0 --label=L1 --label=L2 d1 d2 ; diff -r -q -N d2 d1; echo $?
busybox diff -T t1 t2; busybox diff -t t1 t2; busybox diff -T -t t1 t2; busybox diff -B b1 b2; echo $?; busybox diff -B b1 b3; echo $?; busybox diff -B b2 b3
busybox diff -r -S f d1 d2; echo $?; busybox diff -r -S sub d1 d2; busybox diff -r -S sub/g d1 d2; busybox diff -rq -S new d1 d2; busybox diff -r -N -S zz d1 d2
busybox diff -r -N d1 d2; echo $?; busybox diff -rNq d2 d1; busybox diff -c a b 2>&1 | head -1; busybox diff -y a b 2>&1 | head -1; busybox diff -c a b 2>/dev/null; echo $?
printf 'a\nb\n\n\n' > b2; printf 'a\n\nx\nb\n' > b3; diff -u b2 b3 | tail -n +3; diff -B -u b2 b3 | tail -n +3; diff b2 b3; diff b3 b2; busybox diff b2 b3
printf 'x\n\n\ny\n\n\nz\n' > s1; printf 'x\n\ny\n\n\n\nz\nw\n' > s2; diff s1 s2; diff -y -W 20 s1 s2; busybox diff s1 s2
printf '}\n\nint f() {\n  return 1;\n}\n' > c1; printf '}\n\nint g() {\n  return 2;\n}\n\nint f() {\n  return 1;\n}\n' > c2; diff c1 c2; diff -u c1 c2 | tail -n +3; busybox diff c1 c2
