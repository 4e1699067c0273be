// docker images and docker ps filters, rmi -f of an image a container uses, and what a detached
// shell writes before its endless loop, as a real Docker 20.10.24 answered them (recorded with
// test/shell/script-conformance/try-real.ts).
import { describe, expect, it } from 'vitest';
import { leadingCommands } from '../../../src/docker/engine/process.js';
import { makeShell } from '../shell-harness.js';

async function withImages() {
  const sh = await makeShell();
  await sh.run('docker pull busybox >/dev/null 2>&1 && docker pull alpine >/dev/null 2>&1');
  await sh.run('docker tag busybox busybox:v2 && docker tag busybox other/busybox:1.0');
  return sh.run;
}

const names = async (run: Awaited<ReturnType<typeof withImages>>, line: string) =>
  (await run(`${line} --format '{{.Repository}}:{{.Tag}}' | sort`)).out.trim().split('\n').filter(Boolean);

describe('docker images filters', () => {
  it('reference matches as path.Match does, against name:tag and then the name; REPO[:TAG] is one', async () => {
    const run = await withImages();
    expect(await names(run, 'docker images --filter reference=busybox')).toEqual(['busybox:latest', 'busybox:v2']);
    expect(await names(run, "docker images --filter 'reference=*/*'")).toEqual(['other/busybox:1.0']);
    expect(await names(run, "docker images --filter 'reference=*:latest'")).toEqual([
      'alpine:latest',
      'busybox:latest',
    ]);
    expect(await names(run, "docker images 'busybox:v*'")).toEqual(['busybox:v2']);
    expect(await names(run, 'docker images busybox')).toEqual(['busybox:latest', 'busybox:v2']);
  });

  it('dangling, label, before and since; an unknown key is an invalid filter', async () => {
    const run = await withImages();
    expect((await run('docker images -f dangling=true -q')).out).toBe('');
    expect(await names(run, 'docker images -f dangling=false')).toHaveLength(4);
    expect((await run('docker images --filter label=nosuch -q')).out).toBe('');
    const [older, newer] = (
      await run(
        "docker images --format '{{.CreatedAt}} {{.Repository}}' busybox:latest; docker images --format '{{.CreatedAt}} {{.Repository}}' alpine",
      )
    ).out
      .trim()
      .split('\n')
      .sort()
      .map((l) => l.split(' ').pop());
    expect(await names(run, `docker images --filter before=${newer}:latest`)).not.toContain(`${newer}:latest`);
    expect(await names(run, `docker images --filter since=${older}:latest`)).not.toContain(`${older}:latest`);
    expect(await run('docker images --filter bogus=1')).toEqual({
      out: '',
      err: "Error response from daemon: Invalid filter 'bogus'\n",
      code: 1,
    });
    expect((await run('docker images --filter before=nosuch')).err).toBe(
      'Error response from daemon: No such image: nosuch:latest\n',
    );
  });

  it('-q lists an image once a tag, as the 20.10 CLI does', async () => {
    const run = await withImages();
    expect((await run('docker images -q | wc -l')).out).toBe('4\n');
    expect((await run('docker images -q | sort -u | wc -l')).out).toBe('2\n');
  });

  it('a dangling image shows under dangling=true once its tag is gone from under a newer one', async () => {
    const run = await withImages();
    await run(
      'docker create --name box1 busybox && docker commit box1 mine:1 >/dev/null && docker commit box1 mine:1 >/dev/null',
    );
    expect((await run("docker images -f dangling=true --format '{{.Repository}}:{{.Tag}}'")).out).toBe(
      '<none>:<none>\n',
    );
    expect(await names(run, 'docker images -f dangling=false')).not.toContain('<none>:<none>');
  });
});

describe('docker rmi -f of an image a container uses', () => {
  it("deletes a stopped container's image (the layers stay), refuses a running one's", async () => {
    const run = await withImages();
    await run('docker rmi busybox:v2 other/busybox:1.0 >/dev/null && docker create --name box1 busybox');
    const layers = (await run('ls /var/lib/docker/overlay2 | wc -l')).out;
    const r = await run('docker rmi -f busybox');
    expect(r.out).toMatch(
      /^Untagged: busybox:latest\nUntagged: busybox@sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\n$/,
    );
    expect((await run("docker images --format '{{.Repository}}'")).out).toBe('alpine\n');
    expect((await run('ls /var/lib/docker/overlay2 | wc -l')).out).toBe(layers);
    await run('docker run -d --name up1 alpine sleep 1000');
    const id = (await run('docker images -q alpine')).out.trim();
    expect((await run(`docker rmi -f ${id}`)).err).toMatch(
      new RegExp(
        `^Error response from daemon: conflict: unable to delete ${id} \\(cannot be forced\\) - image is being used by running container [0-9a-f]{12}\n$`,
      ),
    );
    // By name: the tag goes, the image stays while the container runs.
    expect((await run('docker rmi -f alpine')).out).toMatch(
      /^Untagged: alpine:latest\nUntagged: alpine@sha256:[0-9a-f]{64}\n$/,
    );
    expect((await run('docker images -q')).out).toBe(`${id}\n`);
  });
});

describe('docker ps filters', () => {
  it('status lists stopped containers without -a; exited, before, since, ancestor, volume', async () => {
    const run = await withImages();
    await run('docker create --name a1 busybox');
    await run('docker run --name a2 busybox true');
    await run("docker run --name a3 busybox sh -c 'exit 2'");
    await run('docker run -d --name a4 -v /data alpine sleep 1000');
    const ps = async (f: string) =>
      (await run(`docker ps ${f} --format '{{.Names}}'`)).out.trim().split('\n').filter(Boolean);
    expect(await ps('--filter status=exited')).toEqual(['a3', 'a2']);
    expect(await ps('-a --filter exited=0')).toEqual(['a2']);
    expect(await ps('-a --filter exited=2')).toEqual(['a3']);
    expect(await ps('-a --filter before=a3')).toEqual(['a2', 'a1']);
    expect(await ps('-a --filter since=a2')).toEqual(['a4', 'a3']);
    expect(await ps('-a --filter ancestor=busybox')).toEqual(['a3', 'a2', 'a1']);
    expect(await ps('-a --filter ancestor=nosuch')).toEqual([]);
    expect(await ps('-a --filter volume=/data')).toEqual(['a4']);
    expect(await ps('-a --filter is-task=false')).toHaveLength(4);
    expect(await ps('-a --filter health=none')).toHaveLength(4);
    expect((await run('docker ps -a --filter exited=x')).err).toBe(
      'Error response from daemon: strconv.Atoi: parsing "x": invalid syntax\n',
    );
    expect((await run('docker ps -a --filter since=nosuch')).err).toBe(
      'Error response from daemon: no such container nosuch\n',
    );
    expect((await run("docker ps -a --filter name=a4 --format '{{json .}}'")).out).toContain('"LocalVolumes":"1"');
  });
});

describe('a detached shell with an endless loop', () => {
  it('runs the whole commands before the loop', async () => {
    expect(leadingCommands('echo a; sleep 1000')).toBe('echo a');
    expect(leadingCommands('echo a > /f && mkdir /d; while true; do sleep 1; done')).toBe('echo a > /f && mkdir /d');
    expect(leadingCommands('for i in 1 2; do echo $i; sleep 1000; done')).toBeUndefined();
    expect(leadingCommands('while true; do date; sleep 1; done')).toBeUndefined();
    const run = await withImages();
    await run("docker run -d --name lf busybox sh -c 'echo started; sleep 1000'");
    expect((await run('docker logs lf')).out).toBe('started\n');
    expect((await run("docker ps --format '{{.Names}}'")).out).toBe('lf\n');
    expect((await run('docker logs --until 0 lf')).out).toBe('started\n');
  });
});
