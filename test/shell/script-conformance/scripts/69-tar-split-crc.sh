# tar-split.json.gz keeps, for each file of a layer, the CRC-64/ISO of its data (base64) as its
# entry's payload, null where the entry has no data (a directory, a link, an empty file, a whiteout):
# a loaded layer's JSON is the real daemon's byte for byte, and a committed layer's file entries too
# (its headers hold the commit's times, so only its file entries are compared).
docker load -i /tmp/layered.tar
L0=$(docker image inspect layered:latest --format '{{index .RootFS.Layers 0}}')
cd /var/lib/docker/image/overlay2/layerdb/sha256
zcat ${L0#sha256:}/tar-split.json.gz | grep '"type":1' | head -4
zcat ${L0#sha256:}/tar-split.json.gz | jq -c 'select(.type==1 and .payload != null) | [.name, .size, .payload]'
zcat ${L0#sha256:}/tar-split.json.gz | jq -r 'select(.type==1) | .payload' | sort | uniq -c | sort -rn | head -2
for d in $(ls); do zcat $d/tar-split.json.gz | sha256sum | cut -c1-16; done | sort
for d in $(ls); do zcat $d/tar-split.json.gz | jq -c 'select(.type==1) | [.name, .payload]'; done | sort
docker run --name box layered:latest sh -c 'echo hello > /hello; : > /empty; printf 123456789 > /nine; rm /data/a.txt; mkdir /d'
docker commit box committed:v1 > /dev/null
TOP=$(docker image inspect committed:v1 --format '{{json .RootFS.Layers}}' | jq -r '.[-1]')
for d in $(ls); do [ "$(cat $d/diff)" = "$TOP" ] && zcat $d/tar-split.json.gz | jq -c 'select(.type==1) | [.name, .size, .payload]'; done
docker rm box > /dev/null
L2=$(docker image inspect layered:latest --format '{{index .RootFS.Layers 2}}')
for d in $(ls); do [ "$(cat $d/diff)" = "$L2" ] && CACHE=$(cat $d/cache-id); done
printf 'Hello WORLD\n' > /var/lib/docker/overlay2/$CACHE/diff/tmp/newfile
docker save layered:latest | wc -c
echo status $?
docker save -o /tmp/out.tar layered:latest
echo status $?
