# Lifecycle commands and their usage errors: restart/pause/top/wait/kill/stats/logs/port off the
# lesson path, tag/rmi by id, commit -a -m -c --pause, create + start -a -i, prune with filters, the
# CLI's usage errors for missing arguments and unknown flags, version and info formats.
docker load -i /tmp/base.tar
docker run
docker rm
docker cp a
docker run --nosuch busybox-static
docker ps --nosuch
docker images -x
docker rename a
docker tag busybox-static
docker commit
docker port
docker stats --nosuch
docker volume bogus
docker --nosuch 2>&1 | head -8
docker -x 2>&1 | head -2
docker container
docker cp --help | head -4
docker run -d --name s1 busybox-static:latest sleep 1000
docker top s1 -o pid,comm,args | sed -E 's/^[0-9]+ +/N /; s/  +/  /g'
docker top s1 -e -o comm
docker stats --no-stream --format '{{.Name}} {{.PIDs}}' s1
docker restart -t 0 s1
docker inspect -f '{{.RestartCount}} {{.State.Running}}' s1
docker pause s1
docker restart -t 0 s1
docker inspect -f '{{.State.Status}} {{.State.Paused}}' s1
docker kill -s HUP s1
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' s1
docker kill -s SIGKILL s1
docker kill -s kill s1
docker wait s1
docker unpause s1
docker create -i --name ci busybox-static:latest cat
echo piped | docker start -a -i ci
docker inspect -f '{{.State.ExitCode}} {{.Config.OpenStdin}} {{.Config.StdinOnce}}' ci
docker create --name ca busybox-static:latest sh -c 'echo out; echo err >&2; exit 4'
docker start -a ca > /dev/null
echo $?
docker start ca
docker wait ca
docker logs ca 2>&1 | sort
docker tag busybox-static:latest twice:a
docker tag busybox-static:latest twice:b
ID=$(docker images -q twice:a)
docker rmi $ID 2>&1 | sed "s/$ID/ID/g"
docker rmi twice:a twice:b
docker tag nosuch tagged:2
docker tag busybox-static 'Bad:tag'
docker run -d --name s2 busybox-static:latest sleep 1000
docker exec s2 sh -c 'echo x > /made'
docker commit -a 'Ann <a@b>' -m 'a message' -c 'LABEL k=v' s2 com:1
docker inspect -f '{{.Author}}|{{.Comment}}|{{json .Config.Labels}}|{{json .Config.Cmd}}' com:1
docker history --format '{{.CreatedBy}}|{{.Comment}}' com:1 | head -1
docker commit --pause=false s2 com:2
docker commit s2
docker images --filter dangling=true --format '{{.Repository}} {{.Tag}}'
docker commit nosuch com:3
docker commit s2 'Bad:Name'
# moby names the first container of its store that uses the image, in Go map order: any of them.
docker rmi busybox-static:latest 2>&1 | sed -E 's/container [0-9a-f]{12} /container C /'
docker rmi -f busybox-static:latest | sed 's/[0-9a-f]\{64\}/<id>/'
docker container prune -f --filter until=1h
docker container prune -f --filter bogus=1
docker image prune -f --filter dangling=maybe | sed -E 's/[0-9a-f]{64}/ID/'
docker system prune -f --volumes --filter until=1h
docker container prune -f --filter nonsense
docker rm -f s2
docker container prune -f | sed 's/^[0-9a-f]\{64\}$/<id>/'
docker image prune -f --filter until=1h | sed -E 's/[0-9a-f]{64}/ID/' | sort
docker image prune -a -f --filter label=nosuch | sed -E 's/[0-9a-f]{64}/ID/' | sort
docker image prune -f --filter dangling=false | sed -E 's/[0-9a-f]{64}/ID/' | sort
docker volume create keepme
docker system prune -f --volumes | sed -E 's/[0-9a-f]{64}/ID/' | sort
docker system prune -a --volumes < /dev/null
echo
docker version --format '{{.Client.Version}} {{.Server.Version}} {{.Client.APIVersion}} {{.Server.APIVersion}}'
docker version --format '{{.Client.Os}}/{{.Client.Arch}} {{len .Server.Components}} {{json (index .Server.Components 1)}}'
docker version --format '{{range .Server.Components}}{{.Name}}{{"\t"}}{{.Version}}{{println}}{{end}}'
docker version --format '{{json .Client}}' | sed -E 's/"BuildTime":"[^"]*"/"BuildTime":T/'
docker info --format '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}} {{.Images}}'
docker info --format '{{.DockerRootDir}} {{.Driver}} {{.CgroupDriver}} {{.ServerVersion}}'
docker info --format '{{json .Plugins.Volume}} {{.OSType}} {{.Architecture}}'
docker info -f '{{.Nope}}'
