# What a learner who strays into docker's other corners meets on a host that is in no swarm and has
# no plugins: the daemon's refusals for node/service/secret/config/stack/swarm, plugin's empty list,
# checkpoint without experimental features; docker update of limits and the restart policy, with
# its errors; a --rm container whose start fails is removed (with -d its id comes first); and
# --volumes-from borrowing another container's volumes and binds (read-only with :ro).
docker load -i /tmp/base.tar
docker checkpoint; echo rc=$?
docker checkpoint ls x; echo rc=$?
docker checkpoint list x
docker checkpoint create --help | head -4
docker node ls; echo rc=$?
docker node ls -q
docker node ls x
docker node ps
docker node inspect self; echo rc=$?
docker node inspect --pretty self
docker node rm x
docker node promote x
docker service ls; echo rc=$?
docker service ps x
docker service inspect x
docker service logs x
docker service rm x
docker service scale x=2 y=3
docker service create busybox-static:latest; echo rc=$?
docker service create
docker service ls --bogus; echo rc=$?
docker secret ls
docker secret inspect s
docker secret rm s
docker config ls
docker config inspect s
docker config rm s
docker config create c /dev/null
docker stack ls
docker stack ps x
docker stack services x
docker stack rm x
docker swarm leave; echo rc=$?
docker swarm leave -f
docker swarm unlock-key
docker swarm unlock-key -q
docker swarm join-token worker
docker swarm join-token manager
docker swarm join-token bogus; echo rc=$?
docker swarm join-token
docker swarm ca
docker swarm unlock
docker plugin ls; echo rc=$?
docker plugin ls -q
docker plugin inspect foo; echo rc=$?
docker plugin rm foo
docker plugin enable foo
docker plugin disable foo
docker info --format '{{.Swarm.LocalNodeState}} {{.Plugins.Volume}}'
docker run -d --name up busybox-static:latest sleep 100
docker update up; echo rc=$?
docker update --memory 64m up; echo rc=$?
docker update --memory 64m --memory-swap 128m up
docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}' up
docker update --memory 32m up
docker update -m 1m up; echo rc=$?
docker update --memory 10x up; echo rc=$?
docker update --cpus 0.5 up nosuch; echo rc=$?
docker update --cpus abc up; echo rc=$?
docker update --cpus 64 up
docker update --restart bogus up
docker update --restart on-failure:3 up
docker inspect -f '{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}' up
docker update --restart always:2 up
docker update --pids-limit 10 up
docker update --pids-limit ten up
docker inspect -f '{{.HostConfig.PidsLimit}}' up
docker update --cpu-shares 512 up
docker container update --cpuset-cpus 0 up
docker inspect -f '{{.HostConfig.CpuShares}} {{.HostConfig.CpusetCpus}} {{.HostConfig.NanoCpus}}' up
docker stop -t 1 up
docker update --memory-reservation 20m up
docker inspect -f '{{.HostConfig.MemoryReservation}}' up
docker run -d --name rmd --rm busybox-static:latest sleep 100
docker update --restart always rmd
docker rm -f up rmd
docker run --rm busybox-static:latest nosuch; echo rc=$?
docker ps -a -q | wc -l
docker run --rm --name rr busybox-static:latest nosuch; echo rc=$?
docker ps -a -q | wc -l
docker create --rm --name rc busybox-static:latest nosuch
docker start rc; echo rc=$?
docker ps -a --format '{{.Names}} {{.Status}}'
docker run -d --rm busybox-static:latest nosuch; echo rc=$?
docker run -d --name kept busybox-static:latest nosuch; echo rc=$?
docker ps -a --format '{{.Names}} {{.Status}}'
docker rm kept
mkdir -p /tmp/hostdir
docker run -d --name v1 -v /data -v /tmp/hostdir:/bind -v named:/named:ro busybox-static:latest sh -c 'echo hi > /data/f; sleep 100'
docker run --rm --volumes-from v1 busybox-static:latest sh -c 'cat /data/f; ls -d /data /bind /named'
docker run --rm --volumes-from v1:ro busybox-static:latest sh -c 'touch /data/x; echo $?; touch /named/x; echo $?'
docker run --rm --volumes-from v1:bogus busybox-static:latest true
docker run --rm --volumes-from v1:ro,rw busybox-static:latest true
docker run --rm --volumes-from '' busybox-static:latest true
docker run --rm --volumes-from nosuch busybox-static:latest true
docker run --name vf --volumes-from v1 -v /tmp:/bind busybox-static:latest true
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}} {{.Mode}}|{{end}}' vf | tr '|' '\n' | sort
docker inspect -f '{{.HostConfig.VolumesFrom}}' vf
docker run --name vf2 --volumes-from v1:ro --volumes-from vf busybox-static:latest true
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}}|{{end}}' vf2 | tr '|' '\n' | sort
docker inspect -f '{{.HostConfig.VolumesFrom}}' vf2
docker volume ls -q | wc -l
docker rm -f v1
docker rm -v vf
docker volume ls -q | wc -l
docker rm -v vf2
docker volume ls -q
docker volume rm named
