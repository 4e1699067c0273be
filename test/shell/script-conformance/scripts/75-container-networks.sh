# Containers on user networks: addresses from the network's pool (the lowest free one), the
# embedded DNS server in resolv.conf, /etc/hosts, network aliases, --ip; network connect/disconnect
# on running, stopped and created containers; the network in docker ps, network rm's active
# endpoints, network and system prune. (--dns*, --add-host and --network container: are in 74.)
docker load -i /tmp/base.tar
docker network create mynet
docker network create --subnet 10.5.0.0/16 --gateway 10.5.0.254 --ip-range 10.5.1.0/24 lab
docker run -d --name aa --network mynet busybox-static:latest sleep 1000
docker run -d --name bb --network mynet --network-alias web --network-alias www --dns-search example.com --dns-option ndots:2 busybox-static:latest sleep 1000
docker exec aa cat /etc/resolv.conf
docker exec aa cat /etc/hosts
docker exec bb cat /etc/hosts
docker exec bb cat /etc/resolv.conf
docker exec aa hostname
docker inspect aa --format '{{json .NetworkSettings.Networks}}'
docker inspect bb --format '{{json .NetworkSettings.Networks.mynet.Aliases}}'
docker inspect aa --format '{{.NetworkSettings.IPAddress}}|{{.NetworkSettings.Gateway}}|{{.HostConfig.NetworkMode}}|{{.NetworkSettings.MacAddress}}'
docker inspect aa --format '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}}/{{$v.IPPrefixLen}} gw {{$v.Gateway}} {{$v.MacAddress}}{{end}}'
docker network inspect mynet --format '{{range $id, $c := .Containers}}{{$c.Name}} {{$c.IPv4Address}} {{$c.MacAddress}}{{println}}{{end}}' | sort
docker network rm mynet
echo $?
docker run --rm --network lab busybox-static:latest cat /etc/hosts
docker run --rm --network lab --ip 10.5.1.7 busybox-static:latest cat /etc/hosts
docker run --rm --network lab --ip 10.6.1.7 busybox-static:latest true
docker run --rm --network lab --ip 10.5.1.x busybox-static:latest true
docker run --rm --network mynet --ip 172.18.0.50 busybox-static:latest true
docker run --rm --network bridge --ip 172.17.0.9 busybox-static:latest true
docker network disconnect mynet bb
docker network disconnect mynet bb
docker exec bb cat /etc/hosts
docker inspect bb --format '{{json .NetworkSettings.Networks}}'
docker network connect --alias extra --ip 10.5.1.9 lab aa
docker inspect aa --format '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{$v.Aliases}}{{println}}{{end}}'
docker exec aa cat /etc/hosts
docker network connect lab aa
docker network connect nosuch aa
docker network connect lab nosuchc
docker network connect bridge aa
docker network connect none aa
docker network connect host aa
docker network disconnect bridge aa
docker network disconnect nosuch aa
docker network inspect lab --format '{{range .Containers}}{{.Name}} {{.IPv4Address}} {{.MacAddress}}{{end}}'
docker network inspect lab --format '{{json .Containers}}'
docker ps --format '{{.Names}} {{.Networks}}' | grep -v '^aa '
docker ps --filter name=aa --format '{{.Networks}}' | tr , '\n' | sort
docker ps --filter network=lab --format '{{.Names}}'
docker ps --filter network=mynet --format '{{.Names}}'
docker ps --filter network=bridge --format '{{.Names}}'
docker ps --filter network=$(docker network inspect -f '{{.Id}}' lab | cut -c1-6) --format '{{.Names}}'
docker stop -t 0 aa
docker inspect aa --format '{{json .NetworkSettings.Networks}}'
docker network inspect lab --format '{{json .Containers}}'
docker run -d --name dd --network mynet busybox-static:latest sleep 1000
docker inspect dd --format '{{.NetworkSettings.Networks.mynet.IPAddress}}'
docker start aa
docker inspect aa --format '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{$v.Aliases}}{{println}}{{end}}'
docker create --name cc --network lab busybox-static:latest
docker inspect cc --format '{{json .NetworkSettings.Networks}}'
docker network connect mynet cc
docker inspect cc --format '{{json .NetworkSettings.Networks}}'
docker network disconnect lab cc
docker ps -a --filter network=mynet --format '{{.Names}}' | sort
docker network rm lab
docker ps --filter network=lab --format '{{.Names}}'
docker ps --format '{{.Names}} {{.Networks}}' | grep -v '^aa '
docker network create spare
docker network prune -f
docker rm -f aa bb cc dd
docker network create spare2
docker network prune -f | sort
docker network create spare3
docker system prune -f
docker network ls --format '{{.Name}}'
docker info --format '{{json .Plugins.Network}}'
docker info 2>/dev/null | grep -i network
