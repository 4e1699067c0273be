# A running container's directories measured from the host: df (--output, -i, -T, -h) on merged and
# on /var/lib/docker (an overlay reports its upper filesystem's figures), stat -f and stat -c's
# device, inode, link, size and block fields through merged, upper and lower, ls -li, du on diff,
# merged and work (-s, -h, -a, --apparent-size, -x, --inodes), the overlay in mount, /proc/mounts
# and findmnt, and what is left of it all once the container stops. (The real side's shell is a
# slave copy of a private dockerd's mount namespace, where each container mount shows twice, once
# under the data-root's own path: those lines are counted once, with sort -u; a header whose width
# depends on the machine's disk is squeezed with tr -s.)
docker load -i /tmp/layered.tar
docker run -d --name ctr layered:latest sleep 1000
UP=$(docker inspect ctr --format '{{.GraphDriver.Data.UpperDir}}')
MG=$(docker inspect ctr --format '{{.GraphDriver.Data.MergedDir}}')
WK=$(docker inspect ctr --format '{{.GraphDriver.Data.WorkDir}}')
D=$(dirname $UP)
L1=$(docker image inspect layered:latest --format '{{index .RootFS.Layers 1}}')
LOW=/var/lib/docker/overlay2/$(cat /var/lib/docker/image/overlay2/layerdb/sha256/$(echo -n "$(docker image inspect layered:latest --format '{{index .RootFS.Layers 0}}') $L1" | sha256sum | cut -c1-64)/cache-id)/diff
ls $LOW
docker exec ctr sh -c 'echo 123 >> /data/a.txt; mkdir /data/n; echo x > /data/n/f; rm /data/sub/new.txt; dd if=/dev/zero of=/big bs=1k count=100 2>/dev/null'
df --output=fstype $MG /var/lib/docker $UP
df --output=target $MG | sed "s#$MG#MERGED#"
df --output=source $MG
df -T $MG | awk '{print $1, $2, $NF}' | sed "s#$MG#MERGED#"
df -h $MG | head -1
df -i $MG | head -1 | tr -s ' '
df -hi $MG | head -1 | tr -s ' '
[ "$(df --output=size $MG | tail -1)" = "$(df --output=size /var/lib/docker | tail -1)" ] && echo merged has the upper filesystem\'s size
[ "$(df --output=itotal $MG | tail -1)" = "$(df --output=itotal /var/lib/docker | tail -1)" ] && echo and its inodes
df --output=bogus $MG
df -x overlay $MG
echo $?
df -t overlay | wc -l
df -t overlay --output=fstype,target | sed 's#/.*/merged#MERGED#'
stat -f -c '%T %t %s %S %l' $MG
stat -f -c '%T %l' $UP
stat -f $MG | head -2 | sed "s#$MG#MERGED#; s/ID: [0-9a-f ]*/ID: X /"
stat -c '%F %h %s %b %B' $MG/data/a.txt $UP/data/a.txt $LOW/data/a.txt
stat -c '%F %h %s %b %B' $MG/data $UP/data $LOW/data $MG/data/n $UP/data/n
stat -c '%F %h %s %b' $MG/big $UP/big
stat -c '%F %t,%T %h %s %b %a' $UP/data/sub/new.txt
stat -c '%F %h' $MG/data/sub/new.txt
[ "$(stat -c %d $MG)" != "$(stat -c %d $UP)" ] && echo merged is a device of its own
[ "$(stat -c %d $MG/data/a.txt)" = "$(stat -c %d $MG)" ] && echo a copied-up file has merged\'s device
[ "$(stat -c %d $MG/bin/busybox)" = "$(stat -c %d $MG)" ] && echo so has a lower file
[ "$(stat -c %D $MG)" = "$(printf %x $(stat -c %d $MG))" ] && echo %D is %d in hex
[ "$(stat -c %d $UP)" = "$(stat -c %d $LOW)" ] && echo upper and lower are on one filesystem
[ "$(stat -c %i $MG/bin/busybox)" = "$(stat -c %i $(dirname $LOW)/../$(cat /var/lib/docker/image/overlay2/layerdb/sha256/$(docker image inspect layered:latest --format '{{index .RootFS.Layers 0}}' | cut -d: -f2)/cache-id)/diff/bin/busybox)" ] && echo a lower file has its lower inode through merged
[ "$(stat -c %i $MG/data/a.txt)" = "$(stat -c %i $LOW/data/a.txt)" ] && echo a copied-up file keeps its lower inode through merged
[ "$(stat -c %i $MG/data/a.txt)" != "$(stat -c %i $UP/data/a.txt)" ] && echo and has another in upper
[ "$(stat -c %i $MG/data)" = "$(stat -c %i $LOW/data)" ] && echo a merged directory shows its lower inode
[ "$(stat -c %i $MG/data/n)" = "$(stat -c %i $UP/data/n)" ] && echo a new directory shows its upper inode
[ "$(stat -c %i $MG/big)" = "$(stat -c %i $UP/big)" ] && echo a new file shows its upper inode
[ "$(docker exec ctr stat -c %i /data/a.txt)" = "$(stat -c %i $MG/data/a.txt)" ] && echo the container sees the same inode
[ "$(docker exec ctr stat -c %d /data/a.txt)" = "$(stat -c %d $MG/data/a.txt)" ] && echo and the same device
docker exec ctr stat -c '%F %h %s' /data/a.txt /data /big
[ "$(ls -i $MG/data/a.txt | cut -d' ' -f1)" = "$(stat -c %i $MG/data/a.txt)" ] && echo ls -i agrees with stat
ls -li $UP/data | awk '{print $2, $3, $NF}'
ls -lid $MG $UP $WK | awk '{print $2, $3}'
ls -lia $WK | awk '{print $2, $3, $NF}'
stat -c '%m' $MG/data/a.txt | sed "s#$MG#MERGED#"
du -s $UP
du -sh $UP
du -s --apparent-size $UP
du -sb $UP
du -a $UP | sed "s#$UP#UP#" | sort -k2
du -s --inodes $UP
du -s $WK
du -s --inodes $WK
du -sx $MG
du -s $MG
du -s --inodes $MG
du -sh --apparent-size $MG
[ "$(du -s $D | cut -f1)" -gt "$(du -s $MG | cut -f1)" ] && echo du of the layer dir goes into merged
[ "$(du -sx $D | cut -f1)" -lt "$(du -s $MG | cut -f1)" ] && echo but not with -x
du -s $D/diff $D/work $D/link $D/lower | sed "s#$D#D#"
mount | grep "^overlay on $MG " | sort -u | wc -l
mount | grep "^overlay on $MG " | cut -d' ' -f1-5 | sed "s#$MG#MERGED#" | sort -u
grep "^overlay $MG " /proc/mounts | cut -d' ' -f1,3,5,6 | sort -u
grep -m1 "^overlay $MG " /proc/mounts | cut -d' ' -f4 | tr , '\n' | sed 's/=.*//'
grep -m1 "^overlay $MG " /proc/mounts | grep -o 'lowerdir=[^,]*' | sed 's#[A-Z2-7]\{26\}#L#g'
grep -m1 "^overlay $MG " /proc/mounts | grep -o 'upperdir=[^,]*' | sed "s#$D#D#"
findmnt -n -o SOURCE,FSTYPE $MG | sort -u
findmnt -n -o TARGET -T $MG/data/a.txt | sed "s#$MG#MERGED#" | sort -u
findmnt $UP
echo $?
docker stop -t 1 ctr
grep -c "$MG" /proc/mounts
ls -A $MG
ls $D
stat -f -c %T $MG
du -s $UP
du -s --inodes $D
[ "$(df --output=target $MG | tail -1)" != "$MG" ] && echo merged is a plain directory again
