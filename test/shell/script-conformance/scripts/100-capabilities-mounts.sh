# Capabilities in a container, as a learner meets them when they try an overlay mount inside one:
# Docker's default set refuses mount and umount (busybox's words), --cap-add SYS_ADMIN allows them
# (no AppArmor on this host), --cap-drop takes chown or mknod away, --cap-drop ALL and the spellings,
# an unknown capability refused at create, and /proc/self/status's masks for each set (--cap-add ALL
# and --privileged cannot start where the real side runs, itself in a container: unit tests hold them).
docker load -i /tmp/base.tar
docker run --rm busybox-static:latest sh -c 'mount -t tmpfs none /tmp 2>&1; echo $?'
docker run --rm busybox-static:latest sh -c 'mkdir -p /l /u /w /m; mount -t overlay overlay -o lowerdir=/l,upperdir=/u,workdir=/w /m 2>&1; echo $?'
docker run --rm busybox-static:latest sh -c 'mount -t tmpfs none /nope 2>&1; echo $?'
docker run --rm busybox-static:latest sh -c 'umount /etc/hosts; echo $?'
docker run --rm busybox-static:latest sh -c 'umount /nope; echo $?'
docker run --rm --cap-add SYS_ADMIN busybox-static:latest sh -c 'mount -t tmpfs none /tmp && echo mounted; grep " /tmp " /proc/mounts; umount /tmp; echo $?'
docker run --rm --cap-add sys_admin busybox-static:latest sh -c 'mkdir -p /l /u /w /m; echo a > /l/f; mount -t overlay overlay -o lowerdir=/l,upperdir=/u,workdir=/w /m && cat /m/f && echo b >> /m/f && cat /u/f'
docker run --rm --cap-add CAP_SYS_ADMIN busybox-static:latest sh -c 'mount -t tmpfs none /nope; echo $?'
docker run --rm --cap-drop ALL busybox-static:latest sh -c 'chown 1 /bin; echo $?'
docker run --rm --cap-drop chown busybox-static:latest sh -c 'chown 1 /bin; echo $?; mknod /tmp/n c 1 3; echo $?; ls -l /tmp/n | cut -c1-10'
docker run --rm --cap-drop MKNOD busybox-static:latest sh -c 'mknod /tmp/n c 1 3; echo $?; mknod /tmp/p p; echo $?'
docker run --rm --cap-drop ALL --cap-add MKNOD busybox-static:latest sh -c 'mknod /tmp/n c 1 3; echo $?'
docker run --rm --cap-add BOGUS busybox-static:latest true
docker run --rm --cap-drop cap_nope busybox-static:latest true
docker run --rm busybox-static:latest grep Cap /proc/self/status
docker run --rm --cap-add SYS_ADMIN busybox-static:latest grep Cap /proc/self/status
docker run --rm --cap-drop ALL busybox-static:latest grep CapEff /proc/self/status
docker run --rm --cap-drop NET_RAW --cap-drop chown busybox-static:latest grep CapEff /proc/self/status
docker run -d --name capd --cap-add sys_admin --cap-drop NET_RAW busybox-static:latest sleep 100
docker inspect -f '{{.HostConfig.CapAdd}} {{.HostConfig.CapDrop}} {{.HostConfig.Privileged}}' capd
docker exec capd grep CapEff /proc/1/status
docker exec capd sh -c 'mount -t tmpfs none /tmp && echo mounted'
docker rm -f capd
