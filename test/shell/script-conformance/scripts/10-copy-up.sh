# Writing to a file of the image copies it up into the container's diff.
docker load -i /tmp/layered.tar
docker run -d --name ctr layered:latest sleep 1000
UP=$(docker inspect ctr --format '{{.GraphDriver.Data.UpperDir}}')
find $UP -type f | sort
docker exec ctr sh -c 'echo appended >> /data/a.txt'
find $UP -type f | sort
cat $UP/data/a.txt
docker exec ctr cat /data/a.txt
docker stop -t 1 ctr
