# Logging drivers that send a container's output elsewhere, on a host where nothing receives it:
# their address checks at create, a start that fails to dial (a unix socket nobody listens on) and
# the container left Created, docker logs on it; fluentd's async connection, which starts at once
# and keeps the local copy that 20.10's dual logging gives docker logs (cache-disabled: none);
# docker logs with none, local and json-file; busybox's dmesg without CAP_SYSLOG in a container.
# (Which of syslog's /dev/log, journald's socket and a TCP or UDP port on the loopback answer
# depends on the machine's services and network: the simulator's host has none; not here.)
docker load -i /tmp/base.tar
docker run --rm --log-driver syslog --log-opt syslog-address=unix:///nonexistent busybox-static:latest echo hi
docker create --name c1 --log-driver syslog --log-opt syslog-address=unixgram:///nonexistent busybox-static:latest
docker run --rm --log-driver syslog --log-opt syslog-address=bogus://x busybox-static:latest echo hi
docker run --rm --log-driver syslog --log-opt syslog-address=udp://127.0.0.1:x busybox-static:latest echo hi
docker run --rm --log-driver syslog --log-opt syslog-facility=nope busybox-static:latest echo hi
docker run --rm --log-driver syslog --log-opt syslog-format=nope busybox-static:latest echo hi
docker run --name sl --log-driver syslog --log-opt syslog-address=unix:///etc/hostname busybox-static:latest echo hi
echo $?
docker logs sl
echo $?
docker start sl
echo $?
docker run --rm --log-driver syslog --log-opt syslog-address=unixgram:///etc/hostname busybox-static:latest echo hi
docker run --rm --log-driver gelf busybox-static:latest echo hi
docker run --rm --log-driver gelf --log-opt gelf-address=bogus://x busybox-static:latest echo hi
docker run --rm --log-driver gelf --log-opt gelf-address=udp://127.0.0.1 busybox-static:latest echo hi
docker run --rm --log-driver gelf --log-opt gelf-address=unix:///etc/hostname busybox-static:latest echo hi
docker run --rm --log-driver fluentd --log-opt fluentd-address=bogus://x busybox-static:latest echo hi
docker run --rm --log-driver fluentd --log-opt fluentd-async-connect=maybe busybox-static:latest echo hi
docker run --rm --log-driver fluentd --log-opt fluentd-address=unix:///nonexistent busybox-static:latest echo hi
docker run --name fu --log-driver fluentd --log-opt fluentd-address=unix:///etc busybox-static:latest echo hi
docker logs fu
docker run --name fl --log-driver fluentd --log-opt fluentd-async-connect=true busybox-static:latest sh -c 'echo out; sleep 0.2; echo err >&2'
ID=$(docker inspect -f '{{.Id}}' fl)
ls /var/lib/docker/containers/$ID | sed "s/$ID/ID/" | sort
docker inspect -f '{{.LogPath}}|{{.HostConfig.LogConfig}}' fl
docker logs fl 2>/dev/null
docker logs fl 2>&1 >/dev/null
docker logs --tail 1 fl
docker create --name fc --log-driver fluentd --log-opt fluentd-async=true busybox-static:latest echo x
docker logs fc
echo $?
docker start -a fc
docker logs fc
docker run --name fd --log-driver fluentd --log-opt fluentd-async-connect=true --log-opt cache-disabled=true busybox-static:latest echo hi
docker logs fd
echo $?
docker run --name nn --log-driver none busybox-static:latest echo hi
docker logs nn
echo $?
docker run --name lc --log-driver local --log-opt max-size=10k busybox-static:latest sh -c 'echo a; sleep 0.2; echo b >&2'
docker logs lc 2>/dev/null
docker logs lc 2>&1 >/dev/null
docker run --name jf --log-driver json-file --log-opt max-size=10k busybox-static:latest echo hi
docker logs jf
docker ps -a --format '{{.Names}} {{.Status}}' | sort
docker run --rm busybox-static:latest sh -c 'dmesg 2>&1; echo $?'
docker run --rm busybox-static:latest sh -c 'dmesg -c -r 2>&1; echo $?'
docker run --rm busybox-static:latest sh -c 'dmesg -n 1 2>&1; echo $?'
docker run --rm busybox-static:latest sh -c 'dmesg -x 2>&1; echo $?'
docker run --rm busybox-static:latest sh -c 'dmesg --help 2>&1; echo $?'
docker run --rm busybox-static:latest busybox dmesg
echo $?
docker run --rm busybox-static:latest dmesg
echo $?
docker rm -f $(docker ps -aq) > /dev/null
