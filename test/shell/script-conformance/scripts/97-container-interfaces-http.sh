# A container's interfaces as busybox's ip and ifconfig show them: lo, then eth0 (eth1 … after
# network connect) with the MAC Docker 20.10 derives from the address (02:42:ac:…), mtu 1500, the
# subnet's broadcast, and its veth peer's number on the host (@ifN); lo alone on none. Interface
# numbers are the host's counter (the private dockerd's namespace has no eth0, a real host has one)
# and the packet counters are whatever traffic there was: both are masked.
docker load -i /tmp/base.tar
docker network create n
docker run -d --name aa --network n busybox-static:latest sleep 1000
docker run -d --name dd busybox-static:latest sleep 1000
docker exec aa sh -c 'ip addr' | sed 's/^[0-9]*: eth/N: eth/; s/@if[0-9]*/@ifM/'
docker exec aa sh -c 'ip a; ip link' | sed 's/^[0-9]*: eth/N: eth/; s/@if[0-9]*/@ifM/'
docker exec aa sh -c 'ip -4 a; ip -o a; ip -o link' | sed 's/^[0-9]*: eth/N: eth/; s/@if[0-9]*/@ifM/'
docker exec aa sh -c 'ip addr show eth0; ip addr show dev lo; ip link show eth0' | sed 's/^[0-9]*: eth/N: eth/; s/@if[0-9]*/@ifM/'
docker exec aa sh -c 'ip addr show nosuch 2>&1; echo $?'
docker exec aa sh -c 'ip addr bogus 2>&1; echo $?'
docker exec aa sh -c 'ip addr show dev 2>&1; echo $?'
docker exec aa sh -c 'ip 2>&1; echo $?'
docker exec aa sh -c 'ifconfig' | sed 's/packets:[0-9]*/packets:N/; s/bytes:[0-9]* ([0-9.]* [KMG]*i*B)/bytes:N/g'
docker exec aa sh -c 'ifconfig -a; ifconfig eth0' | sed 's/packets:[0-9]*/packets:N/; s/bytes:[0-9]* ([0-9.]* [KMG]*i*B)/bytes:N/g'
docker exec aa sh -c 'ifconfig lo | head -3; ifconfig nosuch 2>&1; echo $?'
docker exec aa sh -c 'ifconfig eth0 bogus 2>&1; echo $?'
docker exec dd sh -c 'ip addr; ip route' | sed 's/^[0-9]*: eth/N: eth/; s/@if[0-9]*/@ifM/'
docker exec dd sh -c 'ip -o link' | sed 's/^[0-9]*: eth/N: eth/; s/@if[0-9]*/@ifM/'
docker network connect n dd
docker exec dd sh -c 'ip addr; ip link' | sed 's/^[0-9]*: eth/N: eth/; s/@if[0-9]*/@ifM/'
docker exec dd sh -c 'ifconfig eth1' | sed 's/packets:[0-9]*/packets:N/; s/bytes:[0-9]* ([0-9.]* [KMG]*i*B)/bytes:N/g'
docker exec dd sh -c 'ip addr show eth1' | sed 's/^[0-9]*: eth/N: eth/; s/@if[0-9]*/@ifM/'
docker run --rm --network none busybox-static:latest sh -c 'ip addr; ip link; ifconfig; ifconfig -a'
docker rm -f aa dd
