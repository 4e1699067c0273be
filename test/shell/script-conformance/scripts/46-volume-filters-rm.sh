# docker volume ls filters (label, name, driver, dangling), rm -f of a volume in use (still
# refused), of a missing one, prune with label filters, and what is left in volumes/.
docker load -i /tmp/base.tar
docker volume create --label env=dev --label team=a lv
docker volume create --label env=prod pv
docker volume create plain
docker volume inspect -f '{{.Labels}}' lv
docker volume inspect -f '{{json .Labels}}' lv
docker volume inspect --format '{{index .Labels "env"}}' lv
docker volume ls --filter label=env -q | sort
docker volume ls --filter label=env=dev -q
docker volume ls --filter label=env --filter label=team -q
docker volume ls --filter name=v -q | sort
docker volume ls --filter name=^p -q | sort
docker volume ls --filter driver=local --format '{{.Name}} {{.Driver}}' | sort
docker volume ls --filter driver=nosuch -q
docker volume ls --filter bogus=1
docker volume ls --filter dangling=maybe
docker volume ls --format 'table {{.Name}}\t{{.Driver}}\t{{.Labels}}' | grep -v team
docker run -d --name u1 -v lv:/x busybox-static:latest sleep 1000
docker volume ls -f dangling=false -q
docker volume ls -f dangling=true -q | sort
docker volume rm lv
docker volume rm -f lv
docker volume rm -f nosuch
docker volume rm nosuch plain
docker volume prune --filter label=env=prod -f
docker volume ls -q | sort
docker volume prune --filter label!=env -f
docker volume prune --filter bogus=1 -f
docker volume create spare
docker volume prune --filter label!=env -f
docker volume ls -q | sort
ls /var/lib/docker/volumes | sort
docker rm -f u1
docker volume prune -f
ls /var/lib/docker/volumes | sort
