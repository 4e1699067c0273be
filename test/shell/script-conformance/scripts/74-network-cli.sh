# docker network ls, inspect, create, rm and prune: the three networks a host starts with, a user
# network's IPAM (the next free 172.N.0.0/16, or --subnet/--gateway/--ip-range), labels, options,
# filters and formats, and the daemon's and the CLI's errors; then --dns, --dns-search, --dns-option,
# --add-host and --hostname, and --network container:NAME with its conflicts. (The private dockerd runs with
# --iptables=false, which turns the bridge's ip masquerading off: that one option line is left out.)
docker load -i /tmp/base.tar
stat -c '%s %A %U %n' /var/lib/docker/network/files/local-kv.db
docker network ls
docker network ls --no-trunc
docker network ls -q
docker network inspect bridge | grep -v enable_ip_masquerade
docker network inspect host none
docker network create mynet
docker network create mynet
docker network create --subnet 10.5.0.0/16 --gateway 10.5.0.254 --ip-range 10.5.1.0/24 --label team=blue -o com.docker.network.bridge.name=br-tutor --internal --attachable lab
docker network inspect lab
docker network inspect mynet
docker network create --subnet 10.5.3.0/24 overlap
docker network create --subnet 172.17.5.0/24 overlap2
docker network create -d nosuch x1
docker network create -d overlay x2
docker network create -d host x3
docker network create -d null x4
docker network create --subnet 10.9.0.0/16 --gateway 10.8.0.1 badgw
echo $?
docker network create --subnet 10.9.0.0/16 --ip-range 10.10.0.0/24 badrange
docker network create --subnet 10.9.0.300/16 badsub
docker network create --ip-range 10.9.0.0/24 norange
docker network create --gateway 10.9.0.1 nogw
docker network create
docker network create a b
docker network create --label stage=test third
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{.Labels}}' third
docker network ls
docker network ls -f driver=bridge
docker network ls -f driver=null
docker network ls -f name=my
docker network ls -f name=^b
docker network ls -f type=custom
docker network ls -f type=builtin
docker network ls -f type=other
docker network ls -f label=team
docker network ls -f label=team=blue
docker network ls -f label=team=red
docker network ls -f scope=local -q | wc -l
docker network ls -f scope=swarm
docker network ls -f dangling=true
docker network ls -f bogus=1
docker network ls -f nothing
docker network ls --format '{{.Name}} {{.Driver}} {{.Scope}} {{.IPv6}} {{.Internal}} {{.Labels}}'
docker network ls --format '{{json .}}' -f name=lab | sed 's/"CreatedAt":"[^"]*"/"CreatedAt":"T"/'
docker network ls --format 'table {{.ID}}\t{{.Name}}\t{{.Internal}}'
docker network ls --format '{{.Label "team"}}' -f name=lab
docker network inspect -f '{{.Name}} {{.Driver}} {{range .IPAM.Config}}{{.Subnet}} {{.IPRange}} {{.Gateway}}{{end}}' mynet lab
docker network inspect -f '{{.Internal}} {{.Attachable}} {{json .Options}} {{index .Labels "team"}}' lab
docker network inspect -f '{{json .IPAM}}' bridge mynet
docker network inspect nosuch
echo $?
docker network inspect mynet nosuch -f '{{.Name}}'
echo $?
docker inspect --type network -f '{{.Name}} {{.Scope}}' mynet
docker inspect -f '{{.Driver}}' lab none
docker network inspect $(docker network ls -q -f name=mynet) -f '{{.Name}}'
docker network rm mynet lab nosuch
echo $?
docker network rm bridge
docker network rm host none
docker network create again
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' again
docker network create after
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' after
docker network prune
docker network prune -f --filter label=stage=test
docker network prune -f | sort
docker network prune -f
docker network ls
stat -c '%s %A %U %n' /var/lib/docker/network/files/local-kv.db
docker network
docker network bogus
docker network ls extra
docker run -d --name c1 --hostname myhost --add-host db:10.0.0.5 --add-host cache:10.0.0.6 --dns 1.1.1.1 --dns-search example.com --dns-option ndots:2 --dns-option timeout:3 busybox-static:latest sleep 1000
docker exec c1 cat /etc/resolv.conf
docker exec c1 cat /etc/hosts
docker exec c1 hostname
docker inspect c1 --format '{{json .HostConfig.Dns}} {{json .HostConfig.DnsSearch}} {{json .HostConfig.DnsOptions}} {{json .HostConfig.ExtraHosts}} {{.Config.Hostname}}'
docker run -d --name c2 --dns 1.1.1.1 --dns 9.9.9.9 --dns-search a.example --dns-search b.example busybox-static:latest sleep 1000
docker exec c2 cat /etc/resolv.conf
docker inspect c2 --format '{{json .HostConfig.Dns}} {{json .HostConfig.ExtraHosts}}'
docker run --rm --network container:c1 busybox-static:latest cat /etc/hosts
docker run --rm --network container:c1 busybox-static:latest cat /etc/resolv.conf
docker run --rm --network container:c1 busybox-static:latest hostname
docker run --rm --network container:c1 -h x busybox-static:latest true
docker run --rm --network container:c1 -p 80:80 busybox-static:latest true
docker run --rm --network container:c1 --expose 80 busybox-static:latest true
docker run --rm --network container:c1 --dns 8.8.8.8 busybox-static:latest true
docker run --rm --network container:c1 --add-host a:1.2.3.4 busybox-static:latest true
docker run --rm --network container:c1 --mac-address 02:42:ac:11:00:09 busybox-static:latest true
docker run --rm --network container:nosuch busybox-static:latest true
docker create --name stopped busybox-static:latest
docker run --rm --network container:stopped busybox-static:latest true
docker run -d --name c3 --network container:c1 busybox-static:latest sleep 1000
docker inspect c3 --format '{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Networks}} [{{.NetworkSettings.SandboxKey}}]' | sed "s/$(docker inspect -f '{{.Id}}' c1)/C1-ID/"
docker network connect bridge c3
docker ps --format '{{.Names}} {{.Networks}}'
docker rm -f c1 c2 c3 stopped
