// The plan `--real=system` makes of a learner's docker command before it reaches the user's own
// daemon: which commands only read, which change what, which tags and names they set, where the
// session's label goes, and which are refused outright.
import { describe, expect, it } from 'vitest';
import { normalizeTag, planDocker } from '../../src/real/docker-argv.js';

const plan = (line: string) => planDocker(line.split(' '), 'abc123');
const LABEL = ['--label', 'org.overlay-tutor.session=abc123'];

describe('planDocker', () => {
  it('reads run as typed', () => {
    for (const line of [
      'ps -a',
      'images',
      'image inspect -f {{.Id}} nginx',
      'inspect web',
      'container diff web',
      'diff web',
      'logs web',
      'system df -v',
      'info',
      'version',
      'history nginx',
      'save -o /tmp/x.tar nginx',
      'volume ls',
      'cp web:/etc/hostname /tmp/h',
      'rm --help',
      'container',
    ]) {
      const p = plan(line);
      expect([line, p.kind]).toEqual([line, 'read']);
      expect(p.argv).toEqual(line.split(' '));
    }
  });

  it('run and create get the label before their own flags, and name the image they may pull', () => {
    const p = plan('run -d --name web nginx');
    expect(p.kind).toBe('change');
    expect(p.argv).toEqual(['run', ...LABEL, '-d', '--name', 'web', 'nginx']);
    expect(p.pullsIfMissing).toBe('nginx:latest');
    expect(p.creates).toContain('container');
    const c = plan('container create -h box -e A=1 busybox:1.36 sh -c true');
    expect(c.argv.slice(0, 4)).toEqual(['container', 'create', ...LABEL]);
    expect(c.pullsIfMissing).toBe('busybox:1.36');
    // -dp 80:80 (bools then a value flag), -eX=1 (value attached), --name=web.
    expect(plan('run -dp 80:80 -eX=1 --name=web ubuntu:20.04 sleep 9').pullsIfMissing).toBe('ubuntu:20.04');
  });

  it('a named volume mounted writable is a change to that volume; read-only, bind and anonymous ones are not', () => {
    expect(plan('run -v data:/d busybox').changes).toEqual([{ type: 'volume', ref: 'data' }]);
    expect(plan('run --volume=data:/d:rw,z busybox').changes).toEqual([{ type: 'volume', ref: 'data' }]);
    expect(plan('run -v data:/d:ro busybox').changes).toEqual([]);
    expect(plan('run -v /srv:/d -v /anon busybox').changes).toEqual([]);
    expect(plan('run --mount type=volume,src=data,dst=/d busybox').changes).toEqual([{ type: 'volume', ref: 'data' }]);
    expect(plan('run --mount source=data,target=/d,readonly busybox').changes).toEqual([]);
    expect(plan('run --mount type=bind,source=/srv,target=/d busybox').changes).toEqual([]);
    expect(plan('run --volumes-from db busybox').changes).toEqual([{ type: 'container', ref: 'db' }]);
    expect(plan('run --volumes-from db:ro busybox').changes).toEqual([]);
  });

  it('container commands name the containers they change', () => {
    expect(plan('rm -f web app').changes.map((t) => t.ref)).toEqual(['web', 'app']);
    expect(plan('stop -t 1 web').changes.map((t) => t.ref)).toEqual(['web']);
    expect(plan('kill -s KILL web').changes.map((t) => t.ref)).toEqual(['web']);
    expect(plan('exec -u root -w /tmp web sh -c x').changes).toEqual([{ type: 'container', ref: 'web' }]);
    expect(plan('exec -it web rm -rf /data').changes).toEqual([{ type: 'container', ref: 'web' }]);
    expect(plan('cp /tmp/f web:/tmp/f').changes).toEqual([{ type: 'container', ref: 'web' }]);
    expect(plan('rename web site').changes).toEqual([{ type: 'container', ref: 'web' }]);
    expect(plan('start web').kind).toBe('change');
  });

  it('commit changes its container (it pauses it) and sets a tag; tag, pull, build and import set tags', () => {
    const c = plan('commit -m x web mynginx');
    expect(c.changes).toEqual([{ type: 'container', ref: 'web' }]);
    expect(c.tags).toEqual(['mynginx:latest']);
    expect(plan('tag nginx docker.io/library/web:1').tags).toEqual(['web:1']);
    expect(plan('pull nginx').tags).toEqual(['nginx:latest']);
    expect(plan('image pull docker.io/library/debian:bookworm-slim').tags).toEqual(['debian:bookworm-slim']);
    expect(plan('build -t myapp -f Dockerfile --tag=myapp:2 .').tags).toEqual(['myapp:latest', 'myapp:2']);
    expect(plan('import /tmp/r.tar imported').tags).toEqual(['imported:latest']);
    expect(plan('rmi nginx mynginx').changes.map((t) => [t.type, t.ref])).toEqual([
      ['image', 'nginx'],
      ['image', 'mynginx'],
    ]);
    expect(plan('tag nginx web:1').argv).toEqual(['tag', 'nginx', 'web:1']);
  });

  it('volume and network create carry the label and name what they create', () => {
    const v = plan('volume create data');
    expect(v.argv).toEqual(['volume', 'create', ...LABEL, 'data']);
    expect(v.names).toEqual([{ type: 'volume', ref: 'data' }]);
    expect(plan('volume create --name data').names).toEqual([{ type: 'volume', ref: 'data' }]);
    expect(plan('network create -d bridge net1').names).toEqual([{ type: 'network', ref: 'net1' }]);
    expect(plan('network connect net1 web').changes.map((t) => t.type)).toEqual(['network', 'container']);
    expect(plan('volume rm data').changes).toEqual([{ type: 'volume', ref: 'data' }]);
  });

  it('refuses prunes, push, load, another daemon and commands no lesson uses', () => {
    for (const line of [
      'system prune -af',
      'container prune -f',
      'image prune',
      'volume prune -f',
      'network prune',
      'builder prune',
      'push nginx',
      'load -i x.tar',
      '-H tcp://10.0.0.1:2375 rm web',
      '--host=unix:///x rm web',
      '--context other ps',
      '--tlsverify ps',
      'swarm init',
      'service create nginx',
      'plugin install x',
      'context use other',
    ]) {
      const p = plan(line);
      expect([line, p.kind]).toEqual([line, 'refuse']);
      expect(p.reason).toBeTruthy();
    }
    expect(plan('--log-level debug ps').kind).toBe('read');
    expect(plan('-D rm web').changes).toEqual([{ type: 'container', ref: 'web' }]);
  });

  it('normalizes tags as the daemon keys them', () => {
    expect(normalizeTag('nginx')).toBe('nginx:latest');
    expect(normalizeTag('library/nginx:1.25')).toBe('nginx:1.25');
    expect(normalizeTag('docker.io/user/app')).toBe('user/app:latest');
    expect(normalizeTag('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(normalizeTag('nginx@sha256:abc')).toBe('nginx@sha256:abc');
  });
});
