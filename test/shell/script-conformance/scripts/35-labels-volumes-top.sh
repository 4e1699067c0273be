# docker run --label and what shows it (ps --filter label=, {{.Labels}}, inspect's Config.Labels),
# Config.Volumes for -v's anonymous volumes, and docker top with ps options passed through.
docker load -i /tmp/layered.tar
docker create --name web1 --label tier=web layered:latest
docker create --name db1 -l tier=db -l owner=me layered:latest
docker create --name solo1 --label solo layered:latest
docker ps -a --filter label=tier --format '{{.Names}}' | sort
docker ps -a --filter label=tier=db --format '{{.Names}}'
docker ps -a --filter label=solo --format '{{.Names}} [{{.Labels}}]'
docker ps -a --filter label=tier=web --format '{{.Names}} {{.Labels}} {{.Label "tier"}}'
docker ps -a --filter label=owner --filter label=tier=db --format '{{.Names}}'
docker ps -a --filter label=nosuch --format '{{.Names}}'
docker ps -a --filter status=created --filter name=1 --format '{{.Names}}' | sort
docker ps -a --filter name=^/db --format '{{.Names}}'
docker ps -a --filter foo=bar
docker ps -a --filter status=bogus
docker ps -a --filter label
docker inspect -f '{{.Config.Labels}}' web1 solo1
docker inspect -f '{{json .Config.Labels}}' db1
docker inspect -f '{{index .Config.Labels "tier"}}' web1
docker create --label-file /nope layered:latest
docker create --name v1 -v /data -v /cache layered:latest
docker inspect -f '{{.Config.Volumes}}' v1
docker inspect -f '{{json .Config.Volumes}}' v1
docker volume create named
docker create --name v2 -v named:/n -v /tmp:/h -v /anon layered:latest
docker inspect -f '{{.Config.Volumes}}' v2
docker inspect -f '{{.Config.Volumes}}' web1
docker commit v1 withvol:1
docker image inspect -f '{{.Config.Volumes}}' withvol:1
docker create --name v3 withvol:1
docker inspect -f '{{.Config.Volumes}} {{len .Mounts}}' v3
docker run -d --name top1 layered:latest sleep 1000
docker top top1 aux | awk '{print $1, $11, $12}'
docker top top1 aux | head -1 | tr -s ' '
docker top top1 ax | awk '{print $2, $3, $5, $6}'
docker top top1 -o pid,stat,%mem,comm | awk '{print $2, $3, $4}'
docker top top1 -o pid,comm | sed 1d | awk '{print $2}'
docker top top1 -ef | awk '{print $1, $8, $9}'
docker kill top1
docker inspect -f '{{len .Config.Labels}}' db1
