# Inside a busybox-static container a learner explores: a hard link to a copied-up file has one
# inode number (find -inum, -samefile), find -exec and xargs run the container's applets on its
# files, busybox's words for find and sort errors, stat -t and stat -f (busybox names an overlay
# UNKNOWN), type and command -v (ash's standalone applets by their bare names), readlink -f and
# ls -l of a dangling link, rmdir -p up to /, and the gzip, zcat, hexdump and xxd applets.
docker load -i /tmp/layered.tar
docker run -d --name box layered:latest sleep 1000
docker exec box sh -c 'echo 123 >> /data/a.txt; ln /data/a.txt /data/hl; mv /data/sub /data/moved; ls /data | wc -l'
docker exec box stat -c '%h %n' /data/a.txt /data/hl
docker exec box sh -c 'find /data -type f | sort'
docker exec box sh -c 'find /data -links 2 | sort'
docker exec box find /data -newer /etc/passwd -type f
docker exec box find / -xdev -name a.txt
docker exec box sh -c 'find /data -name "*.txt" -exec cat {} \; | sort'
docker exec box sh -c 'find /data -inum $(stat -c %i /data/a.txt) | sort'
docker exec box sh -c 'find /data -samefile /data/hl | sort'
docker exec box sh -c 'find /data -type f | xargs cat | sort'
docker exec box sh -c 'find /data -perm 644 -type f | sort'
docker exec box sh -c 'find /data -user 0 -type d | sort'
docker exec box find /data -printf '%p\n'
docker exec box stat -f / | sed -n '2p' | awk '{print $3, $4, $5, $6}'
docker exec box stat -f -c '%T' /
docker exec box stat -t /data/a.txt | awk '{print $1, $2, $3, $4, $5, $6, $9}'
docker exec box stat -c '%w %W' /data/a.txt
docker exec box sh -c 'type echo; type ls; command -v ls; command -v nosuch; echo $?'
docker exec box sh -c 'ln -s /nonexistent /tmp/dl; ls -l /tmp/dl | cut -c1-10; readlink -f /tmp/dl; realpath /data/../data'
docker exec box sh -c 'mkdir -p /x/y/z; rmdir -p /x/y/z 2>&1; echo $?; ls /x 2>&1'
docker exec box sh -c 'sort /nosuch 2>&1; echo $?'
docker exec box sh -c 'gzip -c /data/a.txt | gunzip; echo hi | gzip | zcat'
docker exec box sh -c 'echo abc > /tmp/f; hexdump -C /tmp/f; xxd /tmp/f'
docker exec box sh -c 'cd /data; ls; cd ..; pwd'
docker exec -w /data box pwd
docker stop -t 1 box
