# docker diff as a 20.10 overlay2 daemon computes it: the naive diff (the container mounted and its
# -init layer mounted, compared entry by entry on mode, owner, size and mtime), not a walk of the
# upper dir: a copy-up that changed none of those is not listed.
docker load -i /tmp/layered.tar
docker run --name hardlink layered:latest ln /data/a.txt /data/link
docker diff hardlink | sort
ls -i $(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' hardlink)/data | awk '{print $2}'
docker run --name samemode layered:latest chmod 644 /data/a.txt
docker diff samemode
docker run --name chmod layered:latest chmod 600 /tmp/newfile
docker diff chmod | sort
docker run --name touch layered:latest touch /data/a.txt
docker diff touch | sort
docker run --name touchref layered:latest touch -r /data/a.txt /data/a.txt
docker diff touchref
docker run --name touchdir layered:latest touch /bin
docker diff touchdir
docker run --name same layered:latest sh -c 'cat /data/a.txt > /tmp/x && cat /tmp/x > /data/a.txt'
docker diff same | sort
docker run --name mvfile layered:latest mv /data/a.txt /data/b.txt
docker diff mvfile | sort
docker run --name mvdir layered:latest mv /data/sub /data/moved
docker diff mvdir | sort
docker run --name rmlower layered:latest rm /tmp/newfile
docker diff rmlower | sort
docker run --name opaque layered:latest sh -c 'rm -rf /data/sub && mkdir /data/sub'
docker diff opaque | sort
docker run --name opaque2 layered:latest sh -c 'rm -rf /data && mkdir /data && echo hello > /data/a.txt'
docker diff opaque2 | sort
docker run --name emptydir layered:latest sh -c 'mkdir /data/e && rmdir /data/e'
docker diff emptydir
docker run --name chmoddir layered:latest chmod 700 /data/sub
docker diff chmoddir | sort
docker create --name fresh layered:latest
docker diff fresh
