# Sizes as the 20.10 CLI prints them: go-units HumanSize (4 significant digits) in system df, its
# -v sizes, prune totals and {{.VirtualSize}}; 3 digits in images' SIZE, history and ps --size.
# system df counts a layer that a used and an unused image share as reclaimable.
docker load -i /tmp/base.tar
docker load -i /tmp/layered.tar
docker system df
docker create --name c1 layered:latest
docker system df
docker system df -v | grep -A2 '^REPOSITORY' | awk '{print $1, $2, $3, $(NF-3), $(NF-2), $(NF-1), $NF}'
docker system df -v | grep -A2 '^CONTAINER ID' | awk '{print $1, $2, $3, $4, $5, $NF}'
docker system df -v | grep -v ago | grep -v '^REPOSITORY' | grep -v '^CONTAINER ID'
docker images --format '{{.Repository}} {{.Size}} {{.VirtualSize}} {{.SharedSize}} {{.UniqueSize}} {{.Containers}}'
docker images --format '{{json .}}' | sed 's/"CreatedAt":"[^"]*",//; s/"CreatedSince":"[^"]*",//'
docker run --name c2 layered:latest sh -c 'seq 1 300000 > /z'
docker ps -a --size --format '{{.Names}} {{.Size}}'
docker system df
docker system df --format '{{json .}}'
docker system df --format '{{.Type}}: {{.Size}} {{.Reclaimable}}'
docker history --format '{{.Size}}' layered:latest
docker commit c2 big:1
docker history --format '{{.Size}}' big:1
docker images --format '{{.Repository}} {{.Size}} {{.VirtualSize}}' | sort
docker system df
docker rm c1
docker system df
docker volume create vol
docker run --name c3 -v vol:/v layered:latest sh -c 'seq 1 200000 > /v/f'
docker system df
docker system df -v | sed -n '/Local Volumes/,/Build/p'
docker rm c3
docker system df
docker volume prune -f
docker container prune -f
docker image prune -a -f | tail -1
docker system df
