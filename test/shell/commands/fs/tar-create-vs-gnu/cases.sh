mkdir -p d/sub; echo hello > d/a; echo b > d/sub/b; ln -s a d/l; ln d/a d/h; touch -d @1700000000 d/a d/sub/b d/sub d; touch -h -d @1700000000 d/l
tar -cf x.tar d/a; echo $?; wc -c x.tar; od -c x.tar | head -14; sha256sum x.tar
tar --sort=name -cf - d | wc -c; tar --sort=name -cf - d | sha256sum; tar --sort=name -cf - d | tar -tv; tar --sort=name -cf - d | tar -t --numeric-owner -v
tar --sort=name -cvf y.tar d; tar --sort=name -cvf - d 2>&1 >/dev/null | sort; tar --mtime=@0 --sort=name -cvf - d 2>&1 >/dev/null | head -2
tar --numeric-owner -cf - d/a | od -c | sed -n 16,20p; tar --numeric-owner -cf - d/a | sha256sum; tar --mtime=@86400 -cf - d/a | tar -tv
N=$(printf 'n%.0s' $(seq 120)); echo x > $N; ln -s $N sl; ln $N hl; touch -h -d @1700000000 $N sl; tar -cf - $N sl hl | sha256sum; tar -cf - $N sl hl | tar -tv | cut -c1-60
M=$(printf 'm%.0s' $(seq 100)); echo y > $M; touch -d @1700000000 $M; tar -cf - $M | wc -c; tar -cf - $M | sha256sum; busybox tar -cf - $M | wc -c; busybox tar -cf - $M | sha256sum
echo o > owned; chown 1234:5678 owned; touch -d @1700000000 owned; tar -cf - owned | sha256sum; tar -cf - owned | tar -tv; busybox tar -cf - owned | sha256sum; busybox tar -cf - owned | tar -tv
mknod cdev c 1 3; touch -d @1700000000 cdev; tar -cf - cdev | sha256sum; tar -cf - cdev | tar -tv; busybox tar -cf - cdev | sha256sum
mknod pipe p; touch -d @1700000000 pipe; tar -cf - pipe | sha256sum; busybox tar -cf - pipe | wc -c
busybox tar -cf - d/a | wc -c; busybox tar -cf - d/a | sha256sum; busybox tar -cf - d/a | od -c | sed -n 7,10p; busybox tar -cf - d/a d/h | tar -tv
tar -cf z.tar nosuch d/a; echo $?; tar -tf z.tar; busybox tar -cf zz.tar nosuch d/a; echo $?; tar -cf - 2>&1; echo $?
tar -C d -cf - a | tar -t; tar -C d -cf - a | sha256sum; (cd d && tar -cf - a sub/b | sha256sum; tar -cf - $PWD/a 2>&1 >/dev/null; tar -cf - $PWD/sub/b 2>&1 >/dev/null)
tar -czf - d/a | head -c 10 | od -A d -t x1; tar -czf - d/a | gunzip | sha256sum; tar -czf t.tgz d/a; tar -tzvf t.tgz
echo x > xf; touch -d @1700000000 xf; tar --xattrs -cf - xf | wc -c; tar --xattrs -cf - xf | tar -tv; tar --xattrs -cf - xf | od -c | sed -n 1,2p
tar --sort=bogus -cf - d; echo $?
