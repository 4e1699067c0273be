# kernel only
# The host tools a learner reaches for beside overlay's files, once off a lesson's path: diff in
# every output style (normal, -u, -c, -y, -e, -n, -D), its -p/-F function lines, -I, -B, -w, -b,
# -i, -x and -X on directories, -N, -q, -s and binary files; getconf -a's names and the values a
# learner asks for; su into another user's shell with its input from a pipe, su - and its login
# environment, su to no one and to an account that has no shell.
cd /tmp
mkdir lower upper work merged; printf 'one\ntwo\nthree\n' > lower/f; printf 'keep\n' > lower/k
mount -t overlay overlay -o lowerdir=lower,upperdir=upper,workdir=work merged
echo four >> merged/f; rm merged/k; echo new > merged/n
diff lower/f upper/f; echo $?; diff -u lower/f merged/f | tail -n +3; diff -e lower/f merged/f; diff -n lower/f upper/f
diff -r lower merged; echo $?; diff -rq lower upper; echo $?; diff -r -x k lower merged; echo $?; diff -rN lower merged
diff -D OVERLAY lower/f merged/f; diff -s lower/f upper/f; diff --brief lower/f upper/f; echo $?; diff lower/f nosuch; echo $?
printf 'int main(void)\n{\n  a();\n  b();\n  c();\n  d();\n}\n' > m1.c; sed 's/c()/C()/' m1.c > m2.c
diff -p m1.c m2.c | tail -n +3; diff -u -F '^int' m1.c m2.c | tail -n +3; diff --show-c-function -U1 m1.c m2.c | grep @@
printf 'a\n# one\nb\n\nc\n' > i1; printf 'a\n# two\nb\nc\n' > i2; diff -I '^#' i1 i2; echo $?; diff -B -I '^#' i1 i2; echo $?
printf 'A  b\nc d \n' > w1; printf 'a b\ncd\n' > w2; diff -w w1 w2; echo $?; diff -b w1 w2; diff -i -b w1 w2; diff -i -w w1 w2; echo $?
diff -y -W 40 lower/f merged/f; echo $?; diff --side-by-side --suppress-common-lines -W 30 lower/f merged/f; diff --color=never lower/f merged/f
printf '*.o\n' > ex; mkdir d1 d2; echo x > d1/a.o; echo y > d2/a.o; echo s > d1/s; echo t > d2/s; diff -r -X ex d1 d2; diff -r -x 's' -x '*.o' d1 d2; echo $?
printf 'x\0y' > b1; printf 'x\0z' > b2; diff b1 b2; echo $?; diff -a b1 b2 | od -c | head -2; diff -q b1 b2; cmp b1 b2; echo $?
diff -D X d1 d2; echo $?; diff -I '[' i1 i2; echo $?; diff -e -u i1 i2; echo $?; diff; echo $?
umount merged
getconf -a | awk '{print $1}' | md5sum; getconf -a | wc -l; getconf -a | awk 'NR <= 12 || /^_POSIX_V7_LP64|^POSIX2_VERSION|^LONG_BIT|PAGE_?SIZE/'
getconf -a / | head -2; getconf -a /etc/passwd | grep '^_POSIX_ASYNC_IO'; getconf -a /nonexist | head -8; echo $?
mount -t tmpfs tmpfs /mnt; getconf LINK_MAX /mnt; getconf FILESIZEBITS /mnt; getconf -a /proc | sed -n '1,2p;/FILESIZEBITS/p'; umount /mnt
getconf LINK_MAX /; getconf FILESIZEBITS /; getconf _POSIX_ASYNC_IO /; getconf SOCK_MAXBUF /; getconf LEVEL4_CACHE_ASSOC_X; echo $?
getconf CS_PATH; getconf XBS5_ILP32_OFF32_CFLAGS; getconf _XBS5_ILP32_OFF32; getconf PATH_MAX /nonexist; getconf LINK_MAX /nonexist; echo $?
getconf -v POSIX_V7_LP64_OFF64 PAGESIZE; getconf -a / /; echo $?; getconf PAGESIZE /; echo $?; getconf LINK_MAX; echo $?
echo 'id; whoami; echo $HOME $USER $SHLVL; pwd' | su nobody -s /bin/sh; echo $?
echo 'id -un; echo $HOME $USER $SHLVL $SHELL $0; pwd; exit 4' | su nobody -s /bin/bash; echo $?
echo 'pwd; echo $HOME $USER $SHLVL $0' | su - nobody -s /bin/bash; echo $?
echo 'pwd; echo $HOME $USER $SHLVL $LOGNAME $0' | su -; echo $?
echo 'pwd; echo $HOME $SHLVL' | su; echo $?
su nobody -s /bin/sh < /dev/null; echo $?; echo id | su nobody; echo $?; echo id | su nosuch; echo $?
echo 'nosuchcmd; echo after' | su nobody -s /bin/bash; echo $?; echo 'touch /root/x' | su nobody -s /bin/sh; echo $?
