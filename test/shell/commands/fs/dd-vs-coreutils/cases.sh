dd if=/dev/zero of=big bs=1M count=10
wc -c < big; od -c big | head -3; sha256sum big | cut -c1-16
dd if=/dev/zero of=small bs=1 count=100
dd if=/dev/zero of=k bs=1024 count=1
dd if=nosuch of=x; echo $?
dd if=/dev/zero of=/nodir/x count=1; echo $?
dd if=big of=/dev/null bs=3M
dd if=/dev/zero bs=1 count=0 of=z
dd if=/dev/zero of=z bs=1x count=1
dd bogus=1
dd if=/dev/zero of=z conv=bad count=1
dd if=/dev/zero of=z status=foo count=1
dd if=/dev/zero of=z status=noxfer count=1
dd if=/dev/zero of=z status=none count=1; wc -c < z
dd if=/ of=z count=1; echo $?
dd if=/dev/zero of=/ count=1; echo $?
dd if=/dev/zero of=z count=1 iflag=bogus
dd if=/dev/zero of=z count=-1
dd if=/dev/zero of=z bs=0
rm -f z; dd if=/dev/zero of=z count=1 skip=1 seek=2; wc -c < z
printf hello | dd 2>/dev/null; echo
printf 'hello world' | dd bs=4 skip=1 count=1 status=none; echo
printf 'hello' > h; dd if=h of=h2 status=none; cat h2; echo
printf 'abcdef' > n; printf 'XY' | dd of=n conv=notrunc seek=2 bs=1 status=none; cat n; echo
printf 'abcdef' > n; printf 'XY' | dd of=n seek=2 bs=1 status=none; cat n; echo
printf 'abc' | dd conv=ucase status=none; echo
dd if=/dev/urandom of=r bs=1k count=2 status=none; wc -c < r
head -c 1500 /dev/zero | dd of=/dev/null
dd if=/dev/zero of=c bs=1M count=2 conv=fsync status=noxfer; wc -c < c
dd if=/dev/zero bs=1k count=3 2>/dev/null | wc -c
busybox dd if=/dev/zero of=bb bs=1M count=10; echo $?
busybox dd if=/dev/zero of=z bs=1x count=1; echo $?
busybox dd if=/dev/zero of=z conv=bad count=1; echo $?
busybox dd if=/dev/zero of=z status=foo count=1
busybox dd if=/dev/zero of=z status=noxfer count=1
busybox dd if=/dev/zero of=z status=none count=1
busybox dd if=/dev/zero of=z status=progress count=1
busybox dd if=bb of=/dev/null bs=3M
busybox dd if=nosuch of=x; echo $?
busybox dd if=/ of=z count=1; echo $?
busybox dd if=/dev/zero of=/nodir/x count=1; echo $?
printf 'hello world' | busybox dd bs=4 skip=1 count=1 status=none; echo
