# An editor's write-and-rename gives the file a new inode everywhere.
docker load -i /tmp/layered.tar
docker run -d --name ctr layered:latest sleep 1000
MERGED=$(docker inspect ctr --format '{{.GraphDriver.Data.MergedDir}}')
A=$(stat -c %i $MERGED/data/a.txt)
docker exec ctr sh -c 'cat /data/a.txt > /data/.a.swp && echo edited >> /data/.a.swp && mv /data/.a.swp /data/a.txt'
B=$(stat -c %i $MERGED/data/a.txt)
[ "$A" != "$B" ] && echo "new inode after rename"
docker exec ctr cat /data/a.txt
docker stop -t 1 ctr
