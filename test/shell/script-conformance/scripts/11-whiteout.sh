# Deleting a file of the image leaves a whiteout in the container's diff.
docker load -i /tmp/layered.tar
docker run -d --name ctr layered:latest sleep 1000
UP=$(docker inspect ctr --format '{{.GraphDriver.Data.UpperDir}}')
docker exec ctr rm /data/a.txt
stat -c '%F %t,%T %a' $UP/data/a.txt
docker exec ctr ls /data
docker stop -t 1 ctr
