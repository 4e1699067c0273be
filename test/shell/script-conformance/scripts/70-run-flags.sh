# docker run/create flags a learner tries next, as inspect shows them: --env-file, -m, --cpus,
# --network, --restart, -P/--expose/-p with docker port, --log-driver none; an uppercase image name;
# -it with no terminal; inspect --type that names the wrong kind of object.
docker load -i /tmp/base.tar
printf 'A=1\n# a comment\n  B=two words\nHOSTVAR\nUNSET_HERE\n\nC=x=y\n' > /root/env.list
HOSTVAR=from-host docker run --rm --env-file /root/env.list busybox-static:latest sh -c 'echo "$A|$B|$HOSTVAR|${UNSET_HERE-unset}|$C"'
docker create --name envs --env-file /root/env.list -e A=override busybox-static:latest
docker inspect envs --format '{{json .Config.Env}}'
docker run --rm --env-file /root/nosuch.list busybox-static:latest true
echo $?
printf 'BAD KEY=1\n' > /root/bad.env
docker run --rm --env-file /root/bad.env busybox-static:latest true
docker create --name mem -m 64m --cpus 1.5 busybox-static:latest
docker inspect mem --format '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.MemorySwap}} {{.HostConfig.CpuQuota}}'
docker create -m 64x busybox-static:latest
docker create --cpus abc busybox-static:latest
docker create -m 1k busybox-static:latest
docker run --rm --cpus 64 busybox-static:latest true
docker run -d --name nonet --network none busybox-static:latest sleep 1000
docker inspect nonet --format '{{.HostConfig.NetworkMode}}'
docker inspect nonet --format '{{json .NetworkSettings.Networks}}'
docker inspect nonet --format '{{.NetworkSettings.IPAddress}}|{{.NetworkSettings.Gateway}}|{{.NetworkSettings.MacAddress}}'
docker run --rm --network none busybox-static:latest cat /etc/hosts
docker run -d --name hostnet --network host busybox-static:latest sleep 1000
docker inspect hostnet --format '{{json .NetworkSettings.Networks}}'
docker run -d --name br --network bridge busybox-static:latest sleep 1000
docker inspect br --format '{{json .NetworkSettings.Networks}}'
docker inspect br --format '{{.NetworkSettings.IPAddress}}|{{.NetworkSettings.Gateway}}|{{.NetworkSettings.MacAddress}}|{{.NetworkSettings.IPPrefixLen}}'
docker run -d --name dflt2 busybox-static:latest sleep 1000
docker inspect dflt2 --format '{{.HostConfig.NetworkMode}} {{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}}{{end}}'
docker create --name nn --network nosuchnet busybox-static:latest
docker start nn
docker run --name nn2 --network nosuchnet busybox-static:latest true 2>&1 | sort; echo ${PIPESTATUS[0]}
docker ps -a --filter name=nn --format '{{.Names}} {{.Status}}' | sort
docker create --name r1 --restart always busybox-static:latest
docker inspect r1 --format '{{json .HostConfig.RestartPolicy}}'
docker create --name r2 --restart on-failure:3 busybox-static:latest
docker inspect r2 --format '{{json .HostConfig.RestartPolicy}}'
docker create --name r4 --restart unless-stopped busybox-static:latest
docker inspect r4 --format '{{json .HostConfig.RestartPolicy}}'
docker create --restart sometimes busybox-static:latest
docker create --restart always:3 busybox-static:latest
docker run --rm --restart on-failure:x busybox-static:latest true
docker run --rm --restart always busybox-static:latest true
docker run -d --name pub -P --expose 80 --expose 7000-7001/udp busybox-static:latest sleep 1000
docker port pub | grep -v ::: | sed 's/:[0-9]*$/:PORT/' | sort
docker inspect pub --format '{{json .Config.ExposedPorts}}'
docker inspect pub --format '{{.HostConfig.PublishAllPorts}} {{json .HostConfig.PortBindings}}'
docker run -d --name pub2 -p 8080:80 -p 127.0.0.1:9090:90/udp -p 81 busybox-static:latest sleep 1000
docker port pub2 | grep -v ::: | sort
docker port pub2 90/udp
docker inspect pub2 --format '{{json .HostConfig.PortBindings}}'
docker inspect pub2 --format '{{range $p, $b := .NetworkSettings.Ports}}{{$p}}{{range $b}} {{.HostIp}}:{{.HostPort}}{{end}}{{println}}{{end}}' | sed 's/ :::[0-9]*//'
docker ps --format '{{.Ports}}' --filter name=pub2 | tr -d ' ' | tr , '\n' | grep -v ::: | sort
docker run --name quiet --log-driver none busybox-static:latest echo hello
docker logs quiet
echo $?
docker inspect quiet --format '{{json .HostConfig.LogConfig}} [{{.LogPath}}]'
docker create --log-driver nosuch busybox-static:latest
docker run NoSuch
echo $?
docker create Busybox-static
echo $?
docker run -it busybox-static:latest true
echo $?
docker exec -it br true
echo $?
docker inspect --type volume mem
echo $?
docker inspect --type image mem
docker inspect --type container busybox-static:latest
docker inspect --type plugin mem
docker inspect --type node mem
docker inspect --type bogus mem
echo $?
docker volume create vol1
docker inspect vol1 --format '{{.Name}} {{.Driver}}'
docker inspect --type container vol1
docker inspect --type volume vol1 --format '{{.Name}}'
docker rm -f nonet hostnet br dflt2 pub pub2
