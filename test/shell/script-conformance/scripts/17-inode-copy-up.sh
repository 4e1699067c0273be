# Through merged a copied-up file keeps its inode number; in diff it has a new one (seed 003).
docker load -i /tmp/layered.tar
docker run -d --name ctr layered:latest sleep 1000
UP=$(docker inspect ctr --format '{{.GraphDriver.Data.UpperDir}}')
MERGED=$(docker inspect ctr --format '{{.GraphDriver.Data.MergedDir}}')
A=$(stat -c %i $MERGED/data/a.txt)
docker exec ctr sh -c 'echo 123 >> /data/a.txt'
B=$(stat -c %i $MERGED/data/a.txt)
C=$(stat -c %i $UP/data/a.txt)
[ "$A" = "$B" ] && echo "merged inode unchanged"
[ "$B" != "$C" ] && echo "diff has a new inode"
docker stop -t 1 ctr
