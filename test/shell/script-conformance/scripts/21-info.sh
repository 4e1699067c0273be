# The storage driver as docker info reports it.
docker info --format '{{.Driver}}'
docker info --format '{{json .DriverStatus}}'
docker info 2>/dev/null | grep -A4 'Storage Driver'
