# kernel only
# Sparse files on the host's ext4 and in a tmpfs, and the tools a curious learner reaches for next.
# truncate and dd's seek leave holes that take no block (ls -s, du, du --apparent-size, stat %b),
# fallocate allocates, punches (-p), zeroes (-z) and digs (-d) them, cp --sparse keeps or makes
# them, reading a hole gives zeros, and overlayfs copies a sparse lower file up skipping its holes
# but a megabyte from where each run of data starts. Then getconf's values and errors, su from root
# (a user, its shell, -, a nologin account, and su asking a password it cannot read) and find -follow.
cd /tmp
truncate -s 1G f
ls -ls f | cut -d' ' -f1-6
du f; du --apparent-size f; du -h f; du -sh --apparent-size f
stat -c '%s %b %B' f
dd if=/dev/zero of=g bs=1 count=0 seek=1G 2>&1 | head -2
stat -c '%s %b' g
dd if=/dev/zero of=h bs=4k count=1 seek=10 2>/dev/null; stat -c '%s %b' h
od -c h | head -3
od -An -tx1 -j 1000 -N 8 f
printf abc > p; dd if=/dev/zero of=p bs=1k seek=100 count=1 conv=notrunc 2>/dev/null; stat -c '%s %b' p
dd if=/dev/zero of=z bs=1M count=10 2>/dev/null; stat -c '%s %b' z
cp z z1; cp --sparse=always z z2; cp --sparse=never h h3; cp f f1; cp --sparse=always f f2; cp p p1
stat -c '%n %s %b' z1 z2 f1 f2 h3 p1
cp --sparse=bogus z z9
cp --sparse a z9
fallocate -v -d z; stat -c '%s %b' z
fallocate -l 10M a; stat -c '%s %b' a
dd if=/dev/zero of=d bs=1M count=1 2>/dev/null; fallocate -v -p -o 4096 -l 8192 d; fallocate -v -d d; stat -c '%s %b' d
dd if=/dev/zero of=d bs=1M count=3 2>/dev/null; printf x >> d; fallocate -d d -v; stat -c '%s %b' d
dd if=/dev/zero of=d bs=1M count=2 2>/dev/null; printf x | dd of=d bs=1 seek=1000000 conv=notrunc 2>/dev/null; fallocate -vd d; stat -c '%s %b' d
fallocate -v -z -o 1M -l 1536K d; stat -c '%s %b' d; fallocate -v -l 100M -n d; stat -c %s d
fallocate -l 1KB a1; stat -c '%s %b' a1
fallocate -l 100 a2; stat -c '%s %b' a2
fallocate -o 1M -l 1M -n a2; stat -c '%s %b' a2
dd if=/dev/urandom of=r bs=1M count=4 2>/dev/null
fallocate -p -o 4096 -l 1M r; stat -c '%s %b' r
fallocate -p -o 4095 -l 10000 r; stat -c '%s %b' r
fallocate -z -l 8192 a1; stat -c '%s %b' a1
fallocate; echo $?
fallocate r; echo $?
fallocate -l 0 r; echo $?
fallocate -l 1x r; echo $?
fallocate -n -l 1M nonexist; echo $?
fallocate -l 1M /etc; echo $?
fallocate -q; echo $?
truncate; echo $?
truncate nofile; echo $?
truncate -s 10 -r f g; echo $?
truncate -s bogus x; echo $?
truncate -s 1G /nonexist/f; echo $?
truncate -c -s 1 nonexist; echo $?; ls nonexist
truncate -s -5 t; stat -c %s t
truncate -s +1K t; stat -c %s t
truncate -s %3000 t; stat -c %s t
truncate -s /1000 t; stat -c %s t
truncate -s '<100' t; stat -c %s t
truncate -s '>5000' t; stat -c %s t
truncate -s 1KB t; stat -c %s t
truncate -s 2KiB t; stat -c %s t
truncate -s 1M /etc; echo $?
truncate -s %0 t; echo $?
truncate -s 100 -r t u; stat -c '%s %b' u
truncate -s 3 p; stat -c '%s %b' p; od -c p
mkdir L U W M; truncate -s 1G L/s; printf x > L/s2; truncate -s 1G L/s2
mount -t overlay overlay -o lowerdir=L,upperdir=U,workdir=W M
echo y >> M/s; stat -c '%n %s %b' U/s M/s
printf z | dd of=M/s2 bs=1 seek=5000 conv=notrunc 2>/dev/null; stat -c '%n %s %b' U/s2 M/s2 L/s2
truncate -s 2G M/s; stat -c '%n %s %b' U/s
du -s U; du -s --apparent-size U
umount M
mkdir T; mount -t tmpfs tmpfs T
truncate -s 1G T/f; stat -c '%s %b %B' T/f
dd if=/dev/zero of=T/g bs=4k count=1 seek=3 2>/dev/null; stat -c '%s %b' T/g
fallocate -l 1M T/h; stat -c '%s %b' T/h
cp --sparse=always T/g T/g2; stat -c '%s %b' T/g2
df T | tail -1 | awk '{print $3}'
umount T
su nobody -s /bin/sh -c id; echo $?
su - nobody -s /bin/sh -c 'pwd; echo $HOME $SHELL $USER'; echo $?
su nosuchuser; echo $?
su nobody -c id; echo $?
su -c 'id -un'; echo $?
su nobody -s /bin/sh -c 'su root -c id'; echo $?
su nobody -s /bin/sh -c 'touch /root/x'; echo $?
getconf PAGESIZE; getconf LONG_BIT; getconf _NPROCESSORS_ONLN; getconf CLK_TCK; getconf ARG_MAX
getconf NAME_MAX /; getconf PATH_MAX /tmp; getconf NAME_MAX; echo $?
getconf BOGUS; echo $?
getconf NAME_MAX /nonexist; echo $?
getconf PAGESIZE /; echo $?
getconf; echo $?
mkdir -p fd/d; ln -sfn d fd/l; touch fd/d/x
find fd -follow | sort
find fd -type f -follow | sort
