# history -H=false prints bytes and RFC 3339 times; ps shows the image ID once the tag is gone.
docker load -i /tmp/layered.tar
docker history -H=false layered:latest --format '{{.Size}}' | head -3
docker history --human=false layered:latest | head -1
docker history -H=false layered:latest --format '{{.CreatedSince}}' | grep -c '^....-..-..T..:..:..Z$'
docker create --name c1 layered:latest
docker ps -a --format '{{.Image}}'
docker tag layered:latest other:1
docker rmi layered:latest
docker ps -a --format '{{.Image}}'
docker ps -a --no-trunc --format '{{.Image}}'
docker inspect c1 --format '{{.Config.Image}}'
docker rm c1
