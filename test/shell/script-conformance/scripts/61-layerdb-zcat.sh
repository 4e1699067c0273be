# A learner opens layerdb's files: diff, size, cache-id, parent, and tar-split.json.gz with zcat,
# gunzip -c, gzip -t and jq (each entry of the layer tar: headers as base64 payloads, files by name
# and size); hexdump -C and xxd of the small files. (The gzip bytes are zlib's here and Go's on a
# real daemon, so the .gz file's own size is not compared; 69-tar-split-crc.sh compares the payloads.)
docker load -i /tmp/layered.tar
L0=$(docker image inspect layered:latest --format '{{index .RootFS.Layers 0}}')
L1=$(docker image inspect layered:latest --format '{{index .RootFS.Layers 1}}')
cd /var/lib/docker/image/overlay2/layerdb/sha256/${L0#sha256:}
ls
cat diff; echo
cat size; echo
wc -c cache-id diff size
stat -c '%n %s %a' cache-id diff size
zcat tar-split.json.gz | head -c 300; echo
zcat tar-split.json.gz | wc -l
zcat tar-split.json.gz | tail -c 100
gunzip -c tar-split.json.gz | head -3 | cut -c1-80
zcat tar-split.json.gz | grep -c '"type":1'
zcat tar-split.json.gz | grep -c '"type":2'
zcat tar-split.json.gz | jq -c 'select(.type==1) | .name' | head -5
zcat tar-split.json.gz | jq -r 'select(.type==1) | .name' | wc -l
zcat tar-split.json.gz | jq -s 'map(.size // 0) | add'
zcat tar-split.json.gz | jq -r 'select(.type==1) | "\(.name) \(.size)"' | sort | head -4
zcat tar-split.json.gz | jq -r 'select(.type==2) | .payload' | head -1 | base64 -d | head -c 100 | od -c | head -3
gzip -t tar-split.json.gz && echo ok
gzip -l tar-split.json.gz | awk "{print \$NF}"
zcat diff
gzip -t diff
zcat nosuch.gz
hexdump -C size
xxd size
xxd -p size
hexdump -C diff | head -2
xxd diff | tail -2
cd ../$(echo -n "$L0 $L1" | sha256sum | cut -d" " -f1)
ls
cat parent; echo
[ "$(cat parent)" = "$L0" ] && echo parent is the layer below
zcat tar-split.json.gz | jq -r 'select(.type==1) | .name' | sort
cd /var/lib/docker/image/overlay2/layerdb/sha256
for d in *; do echo "$(cat $d/size) $(zcat $d/tar-split.json.gz | jq -s 'map(.size // 0) | add')"; done | sort -n
docker image inspect layered:latest --format '{{.Size}}'
