// Every command line in the shell code blocks of the seed articles (shared/seeds/*.txt), with its
// prompt removed: the table parser-corpus.test.ts parses and seed-corpus-run.test.ts runs.
// `where` is seed file prefix:line.
export const SEED_COMMAND_LINES: { where: string; line: string }[] = [
  { where: '000:17', line: 'docker info ' },
  { where: '000:32', line: 'docker pull ubuntu:20.04' },
  { where: '000:46', line: 'echo "Hello world" > /tmp/newfile' }, // the Dockerfile's RUN step
  { where: '000:52', line: 'docker build -t hello-ubuntu .' },
  { where: '000:67', line: 'docker images' },
  { where: '000:76', line: 'docker history hello-ubuntu' },
  { where: '000:92', line: 'ls -al' },
  { where: '000:119', line: 'cd image/' },
  { where: '000:120', line: 'ls' },
  { where: '000:123', line: 'tree -L 2 overlay2/' },
  { where: '000:148', line: ' cd overlay2/imagedb/content/sha256' },
  { where: '000:150', line: 'ls' },
  { where: '000:160', line: 'cat 290d8cc1f75a4e230d645bf03c49bbb826f17d1025ec91a1eb115012b32d1ff8 ' },
  { where: '000:183', line: 'tree -L 2 layerdb/' },
  { where: '000:193', line: 'cd /var/lib/docker/image/overlay2/layerdb/sha256/' },
  { where: '000:203', line: 'cd 9f54eef412758095c8079ac465d494a2872e02e90bf1fb5f12a1641c0d1bb78b' },
  { where: '000:225', line: 'cat diff ' },
  {
    where: '000:240',
    line: `echo -n "sha256:9f54eef412758095c8079ac465d494a2872e02e90bf1fb5f12a1641c0d1bb78b sha256:b3cce2ce0405ffbb4971b872588c5b7fc840514b807f18047bf7d486af79884c" | sha256sum| awk '{print $1}'`,
  },
  {
    where: '000:249',
    line: 'cd /var/lib/docker/image/overlay2/layerdb/sha2566613b10b697b0a267c9573ee23e54c0373ccf72e7991cf4479bd0b66609a631c',
  },
  { where: '000:251', line: 'cat size ' },
  { where: '000:254', line: 'cat cache-id ' },
  {
    where: '000:264',
    line: 'cd /var/lib/docker/overlay2/83b569c0f5de093192944931e4f41dafb2d7f80eae97e4bd62425c20e2079f65',
  },
  { where: '000:275', line: 'cd diff/' },
  { where: '000:278', line: 'cd tmp/' },
  { where: '000:281', line: 'cat newfile ' },
  { where: '001:13', line: 'uname -sr' },
  { where: '001:45', line: 'sudo systemctl stop docker' },
  { where: '001:51', line: 'cp -au /var/lib/docker /var/lib/docker.bk' },
  { where: '001:72', line: 'cat /etc/docker/daemon.json ' },
  { where: '001:83', line: 'sudo systemctl start docker' },
  { where: '001:89', line: 'docker info' },
  { where: '001:119', line: 'docker pull ubuntu' },
  { where: '001:134', line: 'ls -l /var/lib/docker/overlay2/' },
  { where: '001:146', line: 'ls -l /var/lib/docker/overlay2/l/' },
  {
    where: '001:157',
    line: 'ls /var/lib/docker/overlay2/60885d52d70041a2fc81c561613081f2bd4bd79b1e087ee172778d3d747cdb51/',
  },
  {
    where: '001:161',
    line: 'cat /var/lib/docker/overlay2/60885d52d70041a2fc81c561613081f2bd4bd79b1e087ee172778d3d747cdb51/link ',
  },
  {
    where: '001:165',
    line: 'ls /var/lib/docker/overlay2/60885d52d70041a2fc81c561613081f2bd4bd79b1e087ee172778d3d747cdb51/diff/',
  },
  {
    where: '001:174',
    line: 'ls /var/lib/docker/overlay2/a9807a86421c1de995ea8424d3092657b83cab21f51c7631c82b8bd913b32a21/',
  },
  {
    where: '001:178',
    line: 'cat /var/lib/docker/overlay2/a9807a86421c1de995ea8424d3092657b83cab21f51c7631c82b8bd913b32a21/lower ',
  },
  {
    where: '001:182',
    line: 'ls /var/lib/docker/overlay2/a9807a86421c1de995ea8424d3092657b83cab21f51c7631c82b8bd913b32a21/diff/',
  },
  {
    where: '001:190',
    line: 'cat /var/lib/docker/overlay2/2c6053a92a43d11075a97f6f1163291136e3e3b3048a5fbf2a827e6de58335b2/lower ',
  },
  { where: '001:232', line: 'ls -l /var/lib/docker/overlay' },
  {
    where: '001:245',
    line: 'ls -i /var/lib/docker/overlay/108ac4645c66ca4195f3613f009f63adc64f2accd20158e9a820e43c9f37f413/root/bin/ls',
  },
  {
    where: '001:270',
    line: 'cat /var/lib/docker/overlay/ec444863a55a9f1ca2df72223d459c5d940a721b2288ff86a3f27be28b53be6c/lower-id',
  },
  { where: '002:23', line: 'docker info ' },
  { where: '002:69', line: '' }, // a bare prompt
  { where: '003:23', line: 'cat link | xargs echo' },
  { where: '003:29', line: 'cat lower | xargs echo' },
  { where: '003:49', line: 'll' },
  { where: '003:77', line: 'docker run --name=nginx -d -v /tmp/test.txt:/tmp/test.txt nginx' },
  { where: '003:78', line: 'docker inspect nginx' },
  { where: '003:88', line: 'docker exec -it nginx bash' },
  {
    where: '003:117',
    line: `docker inspect nginx | jq '.[0].GraphDriver.Data.LowerDir' | awk -F: '{for (i=1; i<=NF; i++) print "Layer " i ": " $i}'| sed 's/"//g'`,
  },
  {
    where: '003:141',
    line: `find $(docker inspect nginx | jq -r '.[0].GraphDriver.Data.LowerDir' | tr ':' ' ') -type f -name "nginx.conf" | xargs ls -i`,
  },
  { where: '003:148', line: 'ls -i | grep nginx' },
  { where: '003:154', line: `UPPER_DIR=$(docker inspect nginx | jq -r '.[0].GraphDriver.Data.UpperDir')` },
  { where: '003:155', line: 'find "$UPPER_DIR" -type f -name "nginx.conf"' },
  { where: '003:162', line: 'echo 123 >> nginx.conf' },
  { where: '003:176', line: 'find "$UPPER_DIR" -type f -name "nginx.conf" | xargs ls -i' },
  {
    where: '003:182',
    line: 'tail -10 /var/snap/docker/common/var-lib-docker/overlay2/3434bfba1c899d2d7f5bdf407e284410561dc3c5e5b88143072739bbc33e791c/diff/etc/nginx/nginx.conf',
  },
  // The article wraps this line; the first half is a command of its own.
  {
    where: '003:202',
    line: 'tail -10 /var/snap/docker/common/var-lib-docker/overlay2/227a9d016be667d656c65c1c5440071d45faeb83db145c5482ef812b6c47979f/diff',
  },
  { where: '003:219', line: `MERGED_DIR=$(docker inspect nginx | jq -r '.[0].GraphDriver.Data.MergedDir')` },
  { where: '003:220', line: 'find "$MERGED_DIR" -type f -name "nginx.conf" | xargs ls -i' },
];
