# A tester's follow-ups around volumes, prune, pull policies and history: rm -v of named and
# anonymous volumes, `volume is in use` for running and stopped users, prune and what it leaves
# in volumes/, image prune -a/system prune with dangling and tagged images and what goes from
# overlay2/ and layerdb, run --pull never/always/missing and bad values, history -H=false and
# --no-trunc, ps's IMAGE after rmi of the tag, typos along the way.
docker load -i /tmp/base.tar
docker load -i /tmp/layered.tar
docker volume create keep
docker run --name writer -v keep:/k -v /anon busybox-static:latest sh -c 'echo data > /k/f; echo a > /anon/a'
docker volume ls --format '{{.Driver}} {{.Name}}' | sed -E 's/[0-9a-f]{64}/ANON/' | sort
docker volume rm keep
docker volume rm keep 2>&1 | sed -E 's/[0-9a-f]{64}/ID/g'
docker rm -v writer
docker volume ls --format '{{.Name}}'
ls /var/lib/docker/volumes
cat /var/lib/docker/volumes/keep/_data/f
docker run -d --name r1 -v keep:/k busybox-static:latest sleep 1000
docker run -d --name r2 -v keep:/k:ro busybox-static:latest sleep 1000
docker exec r2 sh -c 'echo x > /k/g'
docker exec r1 sh -c 'echo x > /k/g && ls /k'
docker volume rm -f keep 2>&1 | sed -E 's/[0-9a-f]{64}/ID/g'
docker volume inspect -f '{{.Name}} {{.Mountpoint}} {{.Driver}} {{.Options}} {{.Labels}}' keep
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Name}} {{.Source}} {{.Destination}} {{.Mode}} {{.RW}} {{.Propagation}}{{end}}' r2
docker volume prune -f
docker volume ls -q
docker rm -f r1 r2
docker volume prune -f
docker volume ls -q
docker volume prune -f
docker volume rm
docker volume rm nosuch1 nosuch2
docker volume create 'bad name'
docker volume create a
docker volume rm a
docker volume ls -q
docker volume inspect keep a
docker volume rm -v keep
docker volumes ls
docker volume list
docker volume remove keep
docker volume ls --format '{{.Name}} {{.Mountpoint}}'
docker run -v /tmp/nosuchdir:/m --rm busybox-static:latest ls /m
docker run -v relative:/m --rm busybox-static:latest ls -a /m
docker volume ls -q
docker run -v :/m --rm busybox-static:latest true
docker run -v /m:m --rm busybox-static:latest true
docker volume prune -f
docker tag layered:latest spare:1
printf 'FROM busybox-static:latest\nRUN echo one > /one\n' | docker build -q -t tmp:1 - > /dev/null
printf 'FROM busybox-static:latest\nRUN echo two > /two\n' | docker build -q -t tmp:1 - > /dev/null
docker build -q - < /dev/null
docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | sort
ls /var/lib/docker/overlay2 | grep -vc '^l$'
ls /var/lib/docker/image/overlay2/layerdb/sha256 | wc -l
docker image prune -f | sed -E 's/sha256:[0-9a-f]{64}/sha256:ID/'
ls /var/lib/docker/overlay2 | grep -vc '^l$'
docker image prune -f
docker create --name holder spare:1
docker image prune -a -f | sed -E 's/sha256:[0-9a-f]{64}/sha256:ID/' | sort
docker images --format '{{.Repository}}:{{.Tag}}' | sort
ls /var/lib/docker/overlay2 | grep -vc '^l$'
ls /var/lib/docker/image/overlay2/layerdb/sha256 | wc -l
docker rmi busybox-static:latest
docker ps -a --format '{{.Names}} {{.Image}}'
docker rmi spare:1
docker ps -a --format '{{.Names}} {{.Image}}' | sed -E 's/ [0-9a-f]{12}$/ SHORTID/'
docker images --format 'table {{.Repository}}\t{{.Tag}}\t{{.Size}}'
docker system prune -f | sed -E 's/[0-9a-f]{64}/ID/' | sort
docker system prune -a -f | sed -E 's/sha256:[0-9a-f]{64}/sha256:ID/' | sort
docker images -a
ls /var/lib/docker/overlay2
ls /var/lib/docker/image/overlay2/layerdb/sha256 | wc -l
docker system df
docker system prune --volumes -f
docker system prune -x
docker image prune --filter until=abc -f
docker image prune --filter nosuch=1 -f
docker container prune --filter until=1h -f
docker load -i /tmp/base.tar
docker run --rm --pull never busybox-static:latest echo never
docker run --rm --pull=missing busybox-static echo missing
docker run --rm --pull sometimes busybox-static echo what
docker run --rm --pull never busybox-static:nosuch echo x
docker create --pull never --name pn busybox-static:nosuch
docker run --rm --pull
docker history busybox-static --format '{{.CreatedBy}}|{{.Size}}|{{.Comment}}'
docker history -H=false busybox-static --format '{{.Size}} {{.CreatedBy}}'
docker history --human=false --no-trunc busybox-static --format '{{.ID}} {{.Size}}' | sed -E 's/sha256:[0-9a-f]{64}/sha256:ID/'
docker history -q busybox-static | wc -c
docker history -q --no-trunc busybox-static | cut -c1-7
docker history -H=0 busybox-static --format '{{.Size}}'
docker history -H=maybe busybox-static
docker history --no-trunc
docker history nosuch:1
docker history busybox-static nosuch
docker image history --format '{{json .}}' busybox-static | sed -E 's/"(CreatedAt|CreatedSince|ID)":"[^"]*",?//g'
