# A bind-mounted single file holds its inode: after sed -i renames a new file over the host
# path, the container still sees the old content and inode; appends go to the new file (seed 003).
docker load -i /tmp/layered.tar
D=/var/tmp/ot-bind-stale
rm -rf $D && mkdir -p $D
echo hello > $D/shared.txt
docker run -d --name ctr -v $D/shared.txt:/shared.txt layered:latest sleep 1000
docker exec ctr cat /shared.txt
A=$(stat -c %i $D/shared.txt)
sed -i 's/hello/bye/' $D/shared.txt
B=$(stat -c %i $D/shared.txt)
[ "$A" != "$B" ] && echo "sed -i gave the host file a new inode"
cat $D/shared.txt
docker exec ctr cat /shared.txt
[ "$(docker exec ctr stat -c %i /shared.txt)" = "$A" ] && echo "the container still has the old inode"
echo again >> $D/shared.txt
docker exec ctr cat /shared.txt
docker exec ctr sh -c 'echo from-container >> /shared.txt'
cat $D/shared.txt
docker rm -f ctr
rm -rf $D
