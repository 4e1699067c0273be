# --shm-size: /dev/shm's tmpfs size in df and /proc/mounts, HostConfig.ShmSize (64 MiB by default,
# also for --shm-size 0), a full /dev/shm, the CLI's errors for a bad size; IPv6 off in containers
# (/proc/net/if_inet6 there and empty, disable_ipv6=1 on each interface: nginx's
# 10-listen-on-ipv6-by-default.sh finds the file and goes on), /proc/net/route, busybox's ip route and
# route -n on the default bridge, a user network, both, and none; the hostname and hosts files Docker
# writes for a container.
docker load -i /tmp/base.tar
docker run --rm busybox-static:latest sh -c 'df /dev/shm; grep -w shm /proc/mounts'
docker run --rm --shm-size 128m busybox-static:latest sh -c 'df /dev/shm; grep -w shm /proc/mounts'
docker run --rm --shm-size 1g busybox-static:latest sh -c 'df -h /dev/shm'
docker run --rm --shm-size 100000 busybox-static:latest sh -c 'grep -w shm /proc/mounts'
docker run --rm --shm-size 1.5m busybox-static:latest sh -c 'grep -w shm /proc/mounts'
docker run --rm --shm-size 0 busybox-static:latest sh -c 'grep -w shm /proc/mounts'
docker run --rm --shm-size=64M busybox-static:latest sh -c 'grep -w shm /proc/mounts'
docker run --rm --shm-size -1 busybox-static:latest true
docker run --rm --shm-size abc busybox-static:latest true
docker run --rm --shm-size 10x busybox-static:latest true
docker create --shm-size '' busybox-static:latest true
docker create --name s1 --shm-size 256m busybox-static:latest
docker inspect -f '{{.HostConfig.ShmSize}}' s1
docker create --name s2 busybox-static:latest
docker inspect -f '{{.HostConfig.ShmSize}}' s2
docker create --name s3 --shm-size 0 busybox-static:latest
docker inspect -f '{{.HostConfig.ShmSize}}' s3
docker start s1
docker inspect -f '{{.HostConfig.ShmSize}}' s1
docker rm s1 s2 s3
docker run --rm --shm-size 1m busybox-static:latest sh -c 'dd if=/dev/zero of=/dev/shm/x bs=1k count=2000 2>&1; df /dev/shm'
docker run --rm busybox-static:latest cat /proc/net/if_inet6
docker run --rm busybox-static:latest sh -c '[ -f /proc/net/if_inet6 ] && echo ipv6 file present'
docker run --rm busybox-static:latest sh -c 'wc -c < /proc/net/if_inet6'
docker run --rm busybox-static:latest cat /proc/sys/net/ipv6/conf/all/disable_ipv6
docker run --rm busybox-static:latest cat /proc/sys/net/ipv6/conf/default/disable_ipv6 /proc/sys/net/ipv6/conf/lo/disable_ipv6 /proc/sys/net/ipv6/conf/eth0/disable_ipv6
docker run --rm busybox-static:latest ls /proc/sys/net/ipv6/conf
docker run --rm --network none busybox-static:latest ls /proc/sys/net/ipv6/conf
docker run --rm --network none busybox-static:latest cat /proc/net/if_inet6
docker run --rm busybox-static:latest cat /proc/net/route
docker run --rm --network none busybox-static:latest cat /proc/net/route
docker network create lab
docker run --rm --network lab busybox-static:latest cat /proc/net/route
docker run --rm --network lab busybox-static:latest sh -c 'cut -d: -f1 /proc/net/dev | tail -n +3'
docker run -d --name two --network lab busybox-static:latest sleep 1000
docker network connect bridge two
docker exec two cat /proc/net/route
docker exec two sh -c 'ip route; route -n'
docker run --rm busybox-static:latest sh -c 'ip route; route -n'
docker run --rm --network none busybox-static:latest sh -c 'ip route; route -n'
docker exec two ls /proc/sys/net/ipv6/conf
docker exec two cat /etc/hosts
docker exec two hostname -i
docker rm -f two
docker run --rm busybox-static:latest cat /etc/hostname
docker run --rm -h myhost busybox-static:latest sh -c 'cat /etc/hostname; hostname; hostname -i; hostname -s'
docker run --rm -h myhost busybox-static:latest cat /etc/hosts
docker run --rm -h my.box.example busybox-static:latest sh -c 'hostname; hostname -s; hostname -f; hostname -d'
docker run --rm --network none -h box busybox-static:latest sh -c 'cat /etc/hosts; hostname -i 2>&1'
docker run -d --name web1 busybox-static:latest sleep 1000
docker exec web1 ls -l /etc/hostname /etc/hosts
cat /var/lib/docker/containers/$(docker inspect -f '{{.Id}}' web1)/hostname
ls /var/lib/docker/containers/$(docker inspect -f '{{.Id}}' web1) | grep -v json.log
docker inspect -f '{{.HostnamePath}}' web1
docker inspect -f '{{.HostsPath}}' web1
docker exec web1 sh -c 'hostname -i; hostname'
docker exec web1 sh -c 'df /dev/shm'
docker rm -f web1
