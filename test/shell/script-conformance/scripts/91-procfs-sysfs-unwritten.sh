# kernel only
# What a curious host shows off the lesson path. fallocate's blocks are unwritten (ext4's unwritten
# extents, tmpfs' falloc'd pages): counted by stat and du, read as zeros, but holes to SEEK_DATA, so
# fallocate -d digs nothing there and overlayfs' copy-up passes over them; a write makes its blocks
# data again. tmpfs has no zero range (-z). (A read brings ext4's unwritten blocks into the page
# cache, where SEEK_DATA counts them as data until the cache drops them: not modelled, so nothing
# here reads such a file before a dig or a copy-up.) Then /proc/meminfo's and /proc/self/status'
# names in the release's order (Zswap 5.19, SecPageTables 6.1, untag_mask 6.4, Kthread 6.10, Balloon
# 6.15); the lines a kernel config can leave out are not compared (this machine's has no
# HardwareCorrupted, Unaccepted, Cma* nor x86_Thread_features, Ubuntu's has). Then cat reading its
# own /proc/self/maps (by shape: addresses are ASLR's), cmdline, environ under env -i, comm and fd.
# Last the pseudo filesystems: /sys a sysfs holding the overlay module's parameters, /proc, /dev,
# and /sys/fs/cgroup a tmpfs with a cgroup mount per v1 hierarchy and the unified cgroup2 one (the
# host's processes are in v1 hierarchies, docker info says Cgroup Version 1), in stat -f, findmnt,
# df -a, mount and /proc/mounts alike (by type: options and sources are the distribution's).
# Then ext4's extent tree: a file of more than the four extents its inode holds takes a block
# for them once writeback allocates its blocks (sync), and sync's own errors.
cd /tmp
fallocate -l 1M d; stat -c '%s %b' d; du d; fallocate -d d; stat -c '%s %b' d; md5sum d
printf abc > e; fallocate -l 1M e; stat -c '%s %b' e; od -c e | head -3
fallocate -l 1M k; printf zz | dd of=k bs=1 seek=100000 conv=notrunc 2>/dev/null; fallocate -d k; stat -c '%s %b' k
fallocate -l 64K w; dd if=/dev/zero of=w bs=4096 seek=3 count=2 conv=notrunc 2>/dev/null; fallocate -vd w; stat -c %b w
fallocate -l 1M q; truncate -s 100K q; truncate -s 1M q; stat -c %b q; fallocate -d q; stat -c %b q
fallocate -l 1M n; fallocate -p -o 0 -l 512K n; stat -c '%s %b' n; cp n n1; cp --sparse=never n n2; stat -c '%n %s %b' n1 n2
fallocate -l 1M g; truncate -s 4M g; cp g g1; cp --sparse=always g g2; stat -c '%n %s %b' g g1 g2
mkdir L U W M; fallocate -l 1M L/f; fallocate -l 3M L/g; printf x | dd of=L/g bs=1 seek=2M conv=notrunc 2>/dev/null
fallocate -l 3M L/h; truncate -s 8M L/h
mount -t overlay overlay -o lowerdir=L,upperdir=U,workdir=W M
echo y >> M/f; echo y >> M/g; echo y >> M/h; stat -c '%n %s %b' U/f U/g U/h M/f
md5sum M/h U/h | cut -c1-32
umount M
mkdir T; mount -t tmpfs tmpfs T
fallocate -z -l 4096 T/x; echo $?; touch T/y; fallocate -z -l 4096 T/y; echo $?
fallocate -l 1M T/d; fallocate -d T/d; stat -c '%s %b' T/d
fallocate -l 1M T/k; printf zz | dd of=T/k bs=1 seek=100000 conv=notrunc 2>/dev/null; fallocate -d T/k; stat -c '%s %b' T/k
df T | tail -1 | awk '{print $3}'
umount T
awk -F: '{print $1}' /proc/meminfo | grep -v -x -e HardwareCorrupted -e Unaccepted -e CmaTotal -e CmaFree -e DirectMap1G
awk -F: '{print $1}' /proc/self/status | grep -v -e '^x86_Thread_features'
cat /proc/self/maps | awk '{print $2, $4, $6}'
cat /proc/self/maps | awk 'NF == 6 {print index($0, $6)} NF == 5 {print "anon", length($0) - length($1 $2 $3 $4 $5) - 4}' | sort | uniq -c
cat /proc/self/maps | awk '{split($1, a, "-"); print length(a[1]), length(a[2]), length($3)}' | sort | uniq -c
[ "$(stat -c %i /usr/bin/cat)" = "$(cat /proc/self/maps | awk '$6 == "/usr/bin/cat" {print $5; exit}')" ] && echo the inode of cat
head -1 /proc/self/maps | awk '{print $6}'; readlink /proc/self/exe
cat /proc/self/cmdline | od -c | head -3
env -i A=1 cat /proc/self/environ | od -c
env -i A=1 B=2 env
cat /proc/self/comm; ls /proc/self/fd | head -3
ls /proc/self | grep -x -e maps -e status -e cmdline -e environ -e fd -e exe
stat -f -c %T /sys /proc /dev /sys/fs/cgroup /sys/fs/cgroup/cpu /sys/fs/cgroup/unified
findmnt -n -o FSTYPE /sys; findmnt -n -o FSTYPE /proc; findmnt -n -o FSTYPE /dev; findmnt -n -o FSTYPE /sys/fs/cgroup
findmnt -n -o TARGET,FSTYPE -t cgroup,cgroup2 -l
df -a | awk '$NF ~ /^\/sys/ {print $1, $NF}'
df -a --output=fstype,size /sys /sys/fs/cgroup/memory
mount | grep -E ' /sys(/fs/cgroup/(cpu|unified))? ' | cut -d' ' -f1-5
grep -E ' /sys(/fs/cgroup(/cpu|/unified)?)? ' /proc/mounts | cut -d' ' -f1-3
cat /sys/module/overlay/parameters/redirect_dir
ls /sys; ls -ld /sys | cut -c1-10
stat -f -c '%T %b %a %c' /sys
cd /tmp
for i in 0 2 4 6 8; do dd if=/dev/zero of=x1 bs=4k count=1 seek=$i conv=notrunc 2>/dev/null; done; stat -c %b x1
for i in 0 2 4 6; do dd if=/dev/zero of=x2 bs=4k count=1 seek=$i conv=notrunc 2>/dev/null; done
sync; sleep 1; stat -c '%n %b' x1 x2; du x1 x2
sync nonexist; echo $?
sync -x; echo $?
sync -d -f /tmp; echo $?
