# Removing a directory and making it again gives an opaque directory.
docker load -i /tmp/layered.tar
docker run -d --name ctr layered:latest sleep 1000
UP=$(docker inspect ctr --format '{{.GraphDriver.Data.UpperDir}}')
docker exec ctr sh -c 'rm -rf /data/sub && mkdir /data/sub && echo fresh > /data/sub/f'
getfattr -n trusted.overlay.opaque --only-values $UP/data/sub
echo
docker exec ctr ls /data/sub
docker stop -t 1 ctr
