# docker's own words for mistakes.
docker load -i /tmp/layered.tar
docker inspect nosuch
docker rm nosuch
docker create --name dup layered:latest > /dev/null
docker create --name dup layered:latest
docker rmi nosuch:1
cat /var/lib/docker/nosuch
