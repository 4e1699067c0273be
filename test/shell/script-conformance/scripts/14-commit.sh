# docker commit turns the container layer into an image layer.
docker load -i /tmp/layered.tar
docker run -d --name ctr layered:latest sleep 1000
docker exec ctr sh -c 'echo committed > /committed.txt'
docker stop -t 1 ctr
docker commit ctr snap:1 > /dev/null
docker image inspect snap:1 --format '{{len .RootFS.Layers}}'
docker history snap:1 --format '{{.Size}}' | head -1
docker run --rm snap:1 cat /committed.txt
