# kernel only: lesson overlay-by-hand's commands on a plain mount -t overlay, no Docker.
mkdir -p /tmp/lab/{lower1,lower2,upper,work,merged}
cd /tmp/lab
echo one > lower1/same.txt
echo two > lower2/same.txt
echo hello > lower2/hello.txt
mkdir lower2/dir && echo old > lower2/dir/old.txt
mount -t overlay overlay -o lowerdir=/tmp/lab/lower1:/tmp/lab/lower2,upperdir=/tmp/lab/upper,workdir=/tmp/lab/work /tmp/lab/merged
ls /tmp/lab/merged
ls /tmp/lab/upper
stat -c '%A %F %n' /tmp/lab/work/work
cat /tmp/lab/merged/same.txt
findmnt /tmp/lab/merged
mount | grep overlay
mount -t overlay
getfattr -m - /tmp/lab/upper
LOWER=$(stat -c %i /tmp/lab/lower2/hello.txt)
echo world >> /tmp/lab/merged/hello.txt
cat /tmp/lab/merged/hello.txt
cat /tmp/lab/lower2/hello.txt
ls /tmp/lab/upper
[ "$(stat -c %i /tmp/lab/merged/hello.txt)" = "$LOWER" ] && echo merged keeps the lower inode number
[ "$(stat -c %i /tmp/lab/upper/hello.txt)" != "$LOWER" ] && echo upper holds a new inode
ls -A /tmp/lab/work/work
getfattr -m - /tmp/lab/upper/hello.txt
rm /tmp/lab/merged/same.txt
ls /tmp/lab/merged
ls -l /tmp/lab/upper
stat -c '%F %t,%T %h %A' /tmp/lab/upper/same.txt
stat -c '%F %t,%T %h' /tmp/lab/work/work/*
cat /tmp/lab/lower1/same.txt /tmp/lab/lower2/same.txt
rm -r /tmp/lab/merged/dir && mkdir /tmp/lab/merged/dir
ls -A /tmp/lab/merged/dir
ls /tmp/lab/lower2/dir
getfattr -d -m - /tmp/lab/upper/dir
getfattr -d /tmp/lab/upper/dir
getfattr -d -m - /tmp/lab/merged/dir
cd /tmp/lab/merged
umount /tmp/lab/merged
cd /tmp/lab
umount /tmp/lab/merged
umount /tmp/lab/merged
ls -A /tmp/lab/merged
ls -R /tmp/lab/upper
mount -t overlay overlay -o lowerdir=/tmp/lab/upper:/tmp/lab/lower1:/tmp/lab/lower2 /tmp/lab/merged
findmnt -n -o OPTIONS /tmp/lab/merged
ls -R /tmp/lab/merged
cat /tmp/lab/merged/hello.txt
touch /tmp/lab/merged/new.txt
echo more | tee -a /tmp/lab/merged/hello.txt
rm /tmp/lab/merged/hello.txt
mkdir /tmp/lab/merged/dir
chmod 600 /tmp/lab/merged/hello.txt
mkdir /tmp/lab/ex /tmp/lab/ex-upper /tmp/lab/ex-work
mount -t overlay overlay -o lowerdir=/tmp/lab/upper:/tmp/lab/lower1:/tmp/lab/lower2,upperdir=/tmp/lab/ex-upper,workdir=/tmp/lab/ex-work /tmp/lab/ex
echo back > /tmp/lab/ex/same.txt
rm /tmp/lab/ex/hello.txt
ls /tmp/lab/ex
ls -l /tmp/lab/ex-upper
cat /tmp/lab/ex/same.txt
findmnt -t overlay -o TARGET,OPTIONS
umount /tmp/lab/ex /tmp/lab/merged
findmnt -t overlay
echo $?
findmnt -l -t overlay
echo $?
