# docker history shows one row per instruction, <missing> for layers built elsewhere.
docker load -i /tmp/layered.tar
docker history layered:latest --format '{{.ID}} {{.Size}}'
docker history layered:latest --format '{{.CreatedBy}}' --no-trunc
