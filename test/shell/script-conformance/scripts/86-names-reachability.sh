# Name resolution and reachability between containers: busybox's ping, nslookup and hostname -i in
# containers on a user-defined network (Docker's embedded DNS server 127.0.0.11 answers container
# names, --network-alias aliases, short ids and NAME.NETWORK; it forwards other names to the host's
# resolvers, which this machine cannot reach: the query times out), on the default bridge (no
# embedded DNS: names of other containers are not found) and on none (loopback alone). An address
# nothing holds gets no reply. (The private dockerd runs with --iptables=false, so one bridge's
# containers reach another bridge's by address through the host, which a stock host's isolation
# rules drop: such pings are left out.) The base image links few applets: busybox's sh runs the rest.
# docker exec copies a container's stdout and stderr apart, so their order is a race: they are read
# one at a time where both are written. Each name not found costs the real resolver 5 s (nslookup) or 10 s (ping): few are asked.
docker load -i /tmp/base.tar
docker network create mynet
docker run -d --name aa --network mynet busybox-static:latest sleep 1000
docker run -d --name bb --network mynet --network-alias web busybox-static:latest sleep 1000
docker run -d --name cc busybox-static:latest sleep 1000
docker run -d --name nn --network none busybox-static:latest sleep 1000
docker exec aa sh -c 'ping -c 1 bb'
echo $?
docker exec aa sh -c 'ping -c 2 -W 1 web'
docker exec aa sh -c 'ping -c 1 bb.mynet'
docker exec aa sh -c 'ping -c 1 BB'
docker exec aa sh -c "ping -c 1 $(docker inspect -f '{{.Id}}' bb | cut -c1-12)" | sed 's/[0-9a-f]\{12\}/BB-ID/g'
docker exec aa sh -c 'ping -c 1 -q aa'
docker exec aa sh -c 'ping -c 1 -s 100 localhost'
docker exec aa sh -c 'ping -c 1 -s 0 bb'
docker exec aa sh -c 'ping -c 1 127.0.0.11'
docker exec aa sh -c 'ping -c 1 172.18.0.1'
docker exec aa sh -c 'ping -c 1 nosuch'
echo $?
docker exec aa sh -c 'ping -c 1 cc'
docker exec aa sh -c 'ping -c 1 -W 1 172.18.0.99'
echo $?
docker exec aa sh -c 'ping -c 2 -W 1 -q 172.18.0.99'
docker exec aa sh -c 'ping -w 2 bb | tail -3'
docker exec aa sh -c 'ping -c 2 -i 0.2 -q bb'
docker exec aa sh -c 'ping -c 1 -W 1 bb >/dev/null 2>&1; echo $?'
docker exec aa sh -c 'ping -c 1 -W 1 8.8.8.8'
docker exec aa sh -c 'ping -x bb'
docker exec aa sh -c 'ping -c x bb'
docker exec aa sh -c 'ping'
echo $?
docker exec cc sh -c 'ping -c 1 bb'
docker exec cc sh -c 'ping -c 1 172.17.0.1'
docker exec cc sh -c 'ping -c 1 -W 1 172.17.0.9'
docker exec nn sh -c 'ping -c 1 127.0.0.1'
docker exec nn sh -c 'ping -c 1 -W 1 172.17.0.2 2>/dev/null'
echo $?
docker exec nn sh -c 'ping -c 1 -W 1 172.17.0.2 >/dev/null'
docker exec nn sh -c 'ping -c 1 bb'
docker exec aa sh -c 'nslookup -type=a bb'
echo $?
docker exec aa sh -c 'nslookup -type=a web 127.0.0.11'
docker exec aa sh -c 'nslookup -type=a bb.mynet'
docker exec aa sh -c 'nslookup -type=a BB'
docker exec aa sh -c 'nslookup -type=a $(hostname)'
docker exec aa sh -c 'nslookup -type=aaaa bb'
docker exec aa sh -c 'nslookup bb | grep -c Non-authoritative'
docker exec aa sh -c 'nslookup 172.18.0.3'
docker exec aa sh -c 'nslookup -type=ptr 3.0.18.172.in-addr.arpa'
docker exec aa sh -c 'nslookup -type=a nosuch'
echo $?
docker exec aa sh -c 'nslookup'
docker exec aa cat /etc/resolv.conf
docker exec nn sh -c 'nslookup bb 2>/dev/null; echo $?'
docker exec aa hostname -i
docker exec cc hostname -i
docker exec nn hostname -i
echo $?
docker exec aa sh -c 'hostname -f; hostname -s; hostname -d' | sed 's/[0-9a-f]\{12\}/AA-ID/g'
docker network create other
docker run -d --name dd --network other busybox-static:latest sleep 1000
docker exec aa sh -c 'ping -c 1 dd'
docker network connect other aa
docker exec aa sh -c 'ping -c 1 dd'
docker exec aa sh -c 'nslookup -type=a dd.other'
docker exec aa hostname -i
docker exec dd sh -c 'ping -c 1 aa'
docker network disconnect mynet bb
docker exec aa sh -c 'ping -c 1 web'
docker stop -t 0 dd
docker exec aa sh -c 'ping -c 1 dd'
docker exec aa sh -c 'ping -c 1 -W 1 172.19.0.2'
docker rm -f aa bb cc dd nn
