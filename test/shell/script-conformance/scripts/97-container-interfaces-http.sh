# A container's interfaces as busybox's ip and ifconfig show them: lo, then eth0 (eth1 … after
# network connect) with the MAC Docker 20.10 derives from the address (02:42:ac:…), mtu 1500, the
# subnet's broadcast, and its veth peer's number on the host (@ifN); lo alone on none. Interface
# numbers are the host's counter (the private dockerd's namespace has no eth0, a real host has one)
# and the packet counters are whatever traffic there was: both are masked. Then busybox's httpd in
# one container and wget, nc and netstat in another on the same user network: a page, -S's headers
# (Date, Last-Modified and ETag masked), -O, a file that exists, 404, a directory's redirect, a name
# not found (the embedded DNS forwards it and the query times out), a port nobody listens on, an
# address nobody holds (no ARP answer), httpd's own error pages through nc, and the listening
# sockets: the embedded DNS server's (random ports, masked) and httpd's (in hash order: sorted).
# httpd without -f goes to the background and its parent exits, so a container whose main process
# it is stops. (The private dockerd runs with --iptables=false: a container of another bridge
# answers where a stock host's isolation rules would drop the packets, so that is left out.)
# Last, --mac-address on the mode's network (a connected one's MAC is derived), and --ipv6 without
# an IPv6 subnet: a 20.10 daemon has no default IPv6 pool.
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
docker run -d --name web --network n busybox-static:latest sh -c 'mkdir -p /www/sub /www/empty && echo hello > /www/index.html && echo text > /www/a.txt && echo s > /www/sub/index.html && httpd -p 8080 -h /www && exec httpd -f -p 80 -h /www'
docker run -d --name cl --network n busybox-static:latest sleep 1000
docker run -d --name h2 busybox-static:latest sh -c 'httpd -p 80'
docker wait h2
docker ps -a --format '{{.Names}} {{.Status}}'
docker exec cl sh -c 'wget -qO- http://web/index.html; echo $?'
docker exec cl sh -c 'wget -S -O - http://web/index.html 2>&1' | sed 's/^  Date: .*/  Date: D/; s/^  Last-Modified: .*/  Last-Modified: M/; s/^  ETag: .*/  ETag: E/'
docker exec cl sh -c 'wget -O /tmp/f http://web/index.html 2>&1; echo $?; cat /tmp/f'
docker exec cl sh -c 'cd /tmp && wget http://web/index.html 2>&1; echo $?; ls'
docker exec cl sh -c 'cd /tmp && wget http://web/index.html 2>&1; echo $?; ls'
docker exec cl sh -c 'wget -q http://web/nope 2>&1; echo $?'
docker exec cl sh -c 'wget -O- http://web/nope 2>&1; echo $?'
docker exec cl sh -c 'wget -S -O- http://web/nope 2>&1; echo $?'
docker exec cl sh -c 'wget -qO- http://web/ 2>&1; echo $?'
docker exec cl sh -c 'wget -qO- http://nosuch/ 2>&1; echo $?'
docker exec cl sh -c 'wget -qO- http://web:81/ 2>&1; echo $?'
docker exec cl sh -c 'wget -qO- web/index.html 2>&1; echo $?'
docker exec cl sh -c 'wget 2>&1; echo $?'
docker exec cl sh -c 'wget -qO- ftp://web/ 2>&1; echo $?'
docker exec cl sh -c 'wget --spider http://web/index.html 2>&1; echo $?'
docker exec cl sh -c 'wget -S -qO- http://web/a.txt 2>&1' | grep -v -e Date -e Last-Mod -e ETag
docker exec cl sh -c 'wget -qO- http://web:8080/sub/ 2>&1; echo $?'
docker exec cl sh -c 'wget -qO- http://web/sub 2>&1; echo $?'
docker exec cl sh -c 'wget -S -qO- http://web/sub 2>&1; echo $?' | grep -v -e Date -e Last-Mod -e ETag
docker exec cl sh -c 'wget -qO- http://web/empty/ 2>&1; echo $?'
docker exec cl sh -c 'wget -qO- http://172.18.0.99/ 2>&1; echo $?'
docker exec cl sh -c 'wget -qO- http://cl/ 2>&1; echo $?'
docker exec cl sh -c 'wget -qO- http://172.18.0.1/ 2>&1; echo $?'
docker exec cl sh -c 'wget -qO /dev/null http://web/ 2>&1; echo $?'
docker exec cl sh -c 'wget -qO- http://web:99999/ 2>&1; echo $?'
docker exec cl sh -c 'wget -qO- http:// 2>&1; echo $?'
docker exec cl sh -c 'wget -x 2>&1 | head -2'
docker exec cl sh -c 'cd /tmp; wget -q -P /tmp/d http://web/a.txt 2>&1; echo $?'
docker exec cl sh -c 'wget -O- http://web/a.txt http://web:8080/index.html 2>&1'
docker exec web sh -c 'netstat -tln; netstat -ln; netstat -ltu' | sed 's/127.0.0.11:[0-9]*/127.0.0.11:PORT/' | sort
docker exec web sh -c 'netstat -r; netstat -rn'
docker exec cl sh -c 'netstat -tln; netstat -ln' | sed 's/127.0.0.11:[0-9]*/127.0.0.11:PORT/'
docker exec web sh -c 'netstat -tlnp 2>&1 | head -3'
docker exec cl sh -c 'echo hi | nc web 80; echo $?' | sed 's/^Date: .*/Date: D/'
docker exec cl sh -c 'printf "GET /index.html HTTP/1.0\r\n\r\n" | nc web 80' | sed 's/^Date: .*/Date: D/; s/^Last-Modified: .*/Last-Modified: M/; s/^ETag: .*/ETag: E/'
docker exec cl sh -c 'printf "POST / HTTP/1.0\r\n\r\n" | nc web 80' | sed 's/^Date: .*/Date: D/'
docker exec cl sh -c 'printf "GET /../x HTTP/1.0\r\n\r\n" | nc web 80' | sed 's/^Date: .*/Date: D/'
docker exec cl sh -c 'nc web 81 2>&1; echo $?'
docker exec cl sh -c 'nc -w 1 nosuch 80 2>&1; echo $?'
docker exec cl sh -c 'echo x | nc -w 1 172.18.0.99 80 2>&1; echo $?'
docker exec cl sh -c 'nc -z web 80 2>&1 | head -3'
docker exec web sh -c 'httpd -p 80 2>&1; echo $?'
docker exec web sh -c 'httpd -x 2>&1 | head -1'
docker exec web sh -c 'httpd -p 9090 -h /www; echo $?; netstat -tln | grep 9090'
docker exec cl sh -c 'wget -qO- http://web:9090/a.txt; echo $?'
docker stop -t 1 web
docker start web
docker exec cl sh -c 'wget -qO- http://web:8080/ 2>&1; wget -qO- http://web/ 2>&1'
docker rm -f web cl h2
docker run --rm --network n --mac-address 02:11:22:33:44:55 busybox-static:latest sh -c 'ip link show eth0' | sed 's/^[0-9]*: eth/N: eth/; s/@if[0-9]*/@ifM/'
docker run -d --name mm --mac-address 02:11:22:33:44:66 busybox-static:latest sleep 1000
docker inspect -f '{{.Config.MacAddress}} {{.NetworkSettings.MacAddress}} {{.NetworkSettings.Networks.bridge.MacAddress}}' mm
docker network connect n mm
docker exec mm sh -c 'ip link; ifconfig eth0 | head -1' | sed 's/^[0-9]*: eth/N: eth/; s/@if[0-9]*/@ifM/'
docker network inspect n -f '{{range .Containers}}{{.Name}} {{.MacAddress}}{{end}}'
docker rm -f mm
docker network create --ipv6 v6a
echo $?
docker network create --ipv6 --subnet 10.30.0.0/16 v6c
docker network ls --format '{{.Name}}'
