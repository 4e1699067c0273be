# A learner looks at a container's layers from the host with stat, find, ls and du: birth times
# (a copied-up file is born at its copy-up), stat -t, find's -samefile/-printf/-perm/-user/-links/
# -print0/-prune/-quit, ls --time-style and -p, du --inodes and -x. A hard link made in a container
# to a copied-up file has its origin's inode number through merged, as its first name does.
docker load -i /tmp/layered.tar
docker run -d --name ctr layered:latest sleep 1000
UP=$(docker inspect ctr --format '{{.GraphDriver.Data.UpperDir}}')
MERGED=$(docker inspect ctr --format '{{.GraphDriver.Data.MergedDir}}')
docker exec ctr sh -c 'echo 123 >> /data/a.txt; mkdir /data/n; echo x > /data/n/f; ln /data/n/f /data/n/g; ln /data/a.txt /data/hl; rm /data/sub/new.txt'
cd $UP
stat -c '%n %F %h %s %a %U:%G' data data/a.txt data/n data/n/f data/n/g data/sub/new.txt
stat data/a.txt | sed 's/Device:.*Links:/D I Links:/'
stat data/sub/new.txt | sed 's/Device:.*Links:/D I Links:/'
stat -c '%x|%y|%z|%w' data/a.txt
stat -c '%X %Y %Z %W' data/a.txt | sed 's/[0-9]/9/g'
stat -t data/a.txt | awk '{print $1, $2, $3, $4, $5, $6, $9, $10, $11, $16}'
[ "$(stat -c %W data/a.txt)" -ge "$(stat -c %W $MERGED/bin/busybox)" ] && echo born at copy-up
stat -f -c '%T' $MERGED
[ "$(stat -c %i $MERGED/data/a.txt)" = "$(stat -c %i $MERGED/data/hl)" ] && echo one inode through merged
[ "$(stat -c %i data/a.txt)" = "$(stat -c %i data/hl)" ] && echo one inode in upper
du -a data/sub data/a.txt
du -sh .
du -s --apparent-size .
du -ab data/sub data/n/f
du -c data/n data/a.txt
du -h --max-depth=1 . | sort -k2
du -x -s .
du -s --inodes . $MERGED/data
ls -la data | awk '{print $1, $2, $3, $4, $5, $NF}'
ls -d data data/n
ls -sh data
ls -p data
ls -l --time-style=long-iso data | awk '{print $1, $NF}'
ls -l --time-style=full-iso data/a.txt | awk '{print $1, $5, $NF}'
ls -l --time-style=+%Y data | awk '{print $1, $6, $7}' | sed 's/[0-9]\{4\}/YYYY/'
ls -l --time-style=bogus data
ls -lS data | awk '{print $5, $NF}'
find . | sort
find . -type c
find . -links 2 -type f | sort
find . -samefile data/n/f | sort
find $MERGED/data -samefile $MERGED/data/a.txt | sed "s#$MERGED##" | sort
find . -inum $(stat -c %i data/n/f) | sort
find . -type f -printf '%p %s %n %m %M %y\n' | sort
find . -printf '%y %P %h %f %d\n' | sort
find . -type f -print0 | sort -z | xargs -0 ls -1
find . -perm 644 -type f | sort
find . -perm -u+w -type f | sort
find . -user root -type c
find . -user nosuch
find . -newer /nosuch
find . -name n -prune -o -type f -print | sort
find . -type f -quit | wc -l
cd $MERGED
du -s data
ls -la data | awk '{print $1, $2, $NF}'
find data | sort
find data -links 1 -type d
stat -c '%n %h' data/n/f data/a.txt data/sub
docker stop -t 1 ctr
