# Renaming directories that come from the image's layers, inside a busybox container: Docker's
# overlay2 mounts pass no redirect_dir and the module's default is off, so rename(2) is EXDEV and
# busybox mv copies the tree up and removes the old one (a whiteout); docker diff lists the new
# tree as added and the old name as deleted. From the host, GNU mv through merged/ renames a
# directory made in the container (it becomes opaque), and getfattr -R reads the upper dir.
cat /sys/module/overlay/parameters/redirect_dir
docker load -i /tmp/layered.tar
docker run -d --name box layered:latest sleep 1000
docker exec box grep -c redirect_dir /proc/mounts
UP=$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' box)
MG=$(docker inspect -f '{{.GraphDriver.Data.MergedDir}}' box)
findmnt -nf -o OPTIONS $MG | tr , '\n' | grep -v -e lowerdir= -e upperdir= -e workdir=
docker exec box sh -c 'mkdir -p /data/sub/deep && echo x > /data/sub/deep/y'
docker exec box mv /data /data2
echo $?
docker exec box ls -R /data2
docker diff box | sort
cd $UP && find . | sort && cd /
ls -l $UP
stat -c '%h %F' $UP/data
getfattr -R -d -m - $UP/data2
docker exec box sh -c 'mv /etc /etc2 2>&1 | sort'
docker exec box ls /etc /etc2
docker exec box mv /tmp/newfile /tmp/nf2
docker diff box | sort
mv $MG/etc2 $MG/etc3
echo $?
getfattr -n trusted.overlay.opaque $UP/etc3
getfattr -R -m - $UP/tmp
docker exec box ls /
docker exec box sh -c 'mv /bin /bin2 && /bin2/ls /'
docker exec box ls /
echo $?
docker diff box | grep -c '^A /bin2/'
docker rm -f box
