# docker inspect's GraphDriver for an image.
docker load -i /tmp/layered.tar
docker image inspect layered:latest --format '{{.GraphDriver.Name}}'
docker image inspect layered:latest --format '{{json .GraphDriver.Data}}'
docker image inspect layered:latest --format '{{.GraphDriver.Data.LowerDir}}' | tr ':' '\n'
