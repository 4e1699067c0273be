# Inside a busybox-based container the applets print busybox's formats and messages, not
# coreutils': ls -l's fixed columns, stat without Birth, wc's %9u, df's rows, the BusyBox usage
# on a bad option. A program the image lacks is ash's "not found"; pipes, redirections and
# variables work in sh -c.
docker load -i /tmp/base.tar
docker run -d --name box busybox-static:latest sleep 1000
docker exec box sh -c 'mkdir -p /d/s && echo hello > /d/f && ln -s f /d/l && echo 1234567890 > /d/s/big'
docker exec box ls -l /d
docker exec box ls -ln /d/f /d/s/big
docker exec box ls -la /d | sed 1d | sed -n '1,2p'
docker exec box ls -lh /d
docker exec box ls -s /d
docker exec box ls -ld /d /tmp
docker exec box ls -l /dev/null /dev/zero /dev/full
docker exec box ls -l /bin/ls /bin/busybox
docker exec box ls -F /d
docker exec box ls /nosuch
docker exec box ls --nosuch
echo $?
docker exec box ls -Z /d
docker exec box ls --help
echo $?
docker exec box stat /d/l | sed 's/Inode: [0-9]*/Inode: N/; s/Device: [0-9a-f]*h.[0-9]*d/Device: D/'
docker exec box stat /d | sed 's/Inode: [0-9]*/Inode: N/; s/Device: [0-9a-f]*h.[0-9]*d/Device: D/'
docker exec box stat -L /d/l | sed 's/Inode: [0-9]*/Inode: N/; s/Device: [0-9a-f]*h.[0-9]*d/Device: D/'
docker exec box stat -c '%n %s %a %U %G %F' /d/f /d/l /d
docker exec box stat /nosuch
docker exec box wc /d/f
docker exec box wc -l /d/f /d/s/big
docker exec box wc -w /d/f
docker exec box sh -c 'echo hi | wc'
docker exec box sh -c 'echo hi | wc -c'
docker exec box wc -c /dev/null
docker exec box head -n 1 /d/f /d/s/big
docker exec box head --nosuch
docker exec box head -c 100 /dev/zero | wc -c
docker exec box cat /nosuch
docker exec box cat /d
docker exec box id
docker exec box id -u
docker exec box id -un 2>/dev/null
docker exec box id -un 2>&1 >/dev/null
docker exec box id nobody
docker exec box busybox du /d
docker exec box busybox du -sh /d
docker exec box busybox du -a /d | sort
docker exec box busybox df / | awk '{print $1, $NF}'
docker exec box busybox df -T / | awk '{print $1, $2, $NF}'
docker exec box busybox df -h | head -1
docker exec box busybox df | grep -v cgroup | awk '{print $1, $NF}'
docker exec box busybox df | grep -e ' /dev$' -e ' /dev/shm$'
docker exec box busybox date -u -d @0
docker exec box busybox date -d nonsense
docker exec box find /d -name f
docker exec box find /nosuch
docker exec box find /d -nosuch
docker exec box find /d -type d
docker exec box busybox sed --help
docker exec box busybox sed -n 1p /d/f
docker exec box busybox tr --help
docker exec box busybox nosuch
echo $?
docker exec box grep --nosuch x
docker exec box grep hello /nosuch
docker exec box mkdir /d
docker exec box rm /d
docker exec box rmdir /nosuch
docker exec box touch /nosuch/x
docker exec box cp /nosuch /tmp
docker exec box mv /nosuch /tmp
docker exec box ln -s /x /d/l
docker exec box chmod 999 /d/f
docker exec box sh -c 'bash -c "echo hi"'
echo $?
docker exec box sh -c 'nosuch 2>&1; echo $?'
docker exec box sh -c 'echo a b | wc -w; X=5; echo $X > /tmp/x; cat < /tmp/x'
docker exec box sh -c 'cd /bin && ./ls -l busybox'
docker exec box /bin/ls -l /bin/busybox
docker run --rm busybox-static:latest sh -c 'echo one two | grep -o two; Y=7; echo ${Y} >/tmp/y; cat </tmp/y; tr 2>&1; echo $?'
docker kill box
