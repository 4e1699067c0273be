# kernel only: renaming a directory that comes from a lower layer (EXDEV, so GNU mv copies it and
# whites out the old name; with redirect_dir=on a redirect xattr instead), tmpfs mounts and an
# overlay whose upper is on one, and findmnt's -J, -P and -D.
cat /sys/module/overlay/parameters/redirect_dir
mkdir -p /tmp/r/lower/etc/apt/sub /tmp/r/lower/data /tmp/r/upper /tmp/r/work /tmp/r/merged
echo conf > /tmp/r/lower/etc/apt/sources.list
echo x > /tmp/r/lower/etc/apt/sub/x
cd /tmp/r
mount -t overlay overlay -o lowerdir=/tmp/r/lower,upperdir=/tmp/r/upper,workdir=/tmp/r/work /tmp/r/merged
mv merged/etc/apt merged/etc/apt2
echo $?
ls -R merged/etc
find upper | sort
ls -l upper/etc
stat -c '%F %t,%T %h' upper/etc/apt
getfattr -d -m - upper/etc/apt2 upper/etc/apt2/sub
cat merged/etc/apt2/sources.list
mv -v merged/data merged/data2
mv -v merged/etc/apt2/sources.list merged/etc/apt2/list
umount /tmp/r/merged
mkdir -p /tmp/d/lower/a/b /tmp/d/upper /tmp/d/work /tmp/d/merged
echo f > /tmp/d/lower/a/b/f
echo g > /tmp/d/lower/a/g
mount -t overlay overlay -o lowerdir=/tmp/d/lower,upperdir=/tmp/d/upper,workdir=/tmp/d/work,redirect_dir=on /tmp/d/merged
findmnt -n -o OPTIONS /tmp/d/merged
mv /tmp/d/merged/a /tmp/d/merged/x
ls -R /tmp/d/merged
ls -l /tmp/d/upper
getfattr -n trusted.overlay.redirect /tmp/d/upper/x
mv /tmp/d/merged/x/b /tmp/d/merged/b2
getfattr -n trusted.overlay.redirect --only-values /tmp/d/upper/b2; echo
cat /tmp/d/merged/b2/f
mkdir /tmp/d/merged/x/new
getfattr -d -m - /tmp/d/upper/x/new
rm /tmp/d/merged/b2/f
rmdir /tmp/d/merged/b2
ls -A /tmp/d/upper
ls -A /tmp/d/upper/x
umount /tmp/d/merged
mount -t overlay overlay -o lowerdir=/tmp/d/lower,upperdir=/tmp/d/upper,workdir=/tmp/d/work /tmp/d/merged
findmnt -n -o OPTIONS /tmp/d/merged
ls -R /tmp/d/merged
mv /tmp/d/merged/x /tmp/d/merged/y
ls -A /tmp/d/merged /tmp/d/upper
umount /tmp/d/merged
mkdir -p /tmp/t /tmp/o/l /tmp/o/m
echo hi > /tmp/o/l/f
mount -t tmpfs -o size=1M tmpfs /tmp/t
grep /tmp/t /proc/mounts
stat -f -c '%T %S %b %a' /tmp/t
df -T /tmp/t
df -h /tmp/t
ls -ld /tmp/t | cut -c1-10
mkdir /tmp/t/u /tmp/t/w
mount -t overlay overlay -o lowerdir=/tmp/o/l,upperdir=/tmp/t/u,workdir=/tmp/t/w /tmp/o/m
echo more >> /tmp/o/m/f
cat /tmp/o/m/f
ls /tmp/t/u
df /tmp/o/m
stat -f -c %T /tmp/o/m
findmnt -J /tmp/t
findmnt -J -t overlay
findmnt -P /tmp/t
findmnt -P -t overlay
findmnt -D /tmp/t
findmnt -D -t overlay
echo $?
findmnt -J -o TARGET,SIZE,USED,USE%,FSROOT /tmp/t
findmnt -P -o TARGET,USE%,FS-OPTIONS,VFS-OPTIONS /tmp/t
findmnt -J -l -t overlay -o TARGET,FSTYPE
findmnt -J -t nosuchfs,tmpfs /tmp/t
echo $?
findmnt -P -t noext4 /tmp/t
findmnt -J -r /tmp/t
echo $?
mkdir -p /tmp/o/m/u2 /tmp/o/m/w2 /tmp/o/m2
mount -t overlay overlay -o lowerdir=/tmp/o/l,upperdir=/tmp/o/m/u2,workdir=/tmp/o/m/w2 /tmp/o/m2 2>/tmp/err
echo $?
head -1 /tmp/err
mount -t overlay overlay -o lowerdir=/tmp/o/l,upperdir=/tmp/t/u,workdir=/tmp/o/m/w2 /tmp/o/m2 2>/tmp/err
echo $?
head -1 /tmp/err
umount /tmp/t
echo $?
cat /tmp/o/m/f
umount /tmp/o/m
umount /tmp/t
mount -t tmpfs -o size=bogus tmpfs /tmp/t 2>/tmp/err
echo $?
head -1 /tmp/err
mount -t tmpfs -o mode=700 tmpfs /tmp/t
grep /tmp/t /proc/mounts
ls -ld /tmp/t | cut -c1-10
umount /tmp/t
