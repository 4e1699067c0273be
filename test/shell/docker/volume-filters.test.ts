// docker volume ls and prune filters, and volume rm's -f, as a real Docker 20.10.24 answered them
// (conformance script 46-volume-filters-rm.sh holds the same lines against a real dockerd).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

async function withVolumes() {
  const sh = await makeShell();
  await sh.run('docker pull busybox >/dev/null 2>&1');
  await sh.run('docker volume create --label env=dev --label team=a lv && docker volume create --label env=prod pv');
  await sh.run('docker volume create plain');
  return sh.run;
}

describe('docker volume ls --filter', () => {
  it('label, name (a regular expression), driver and dangling; unknown keys are invalid', async () => {
    const run = await withVolumes();
    const ls = async (f: string) =>
      (await run(`docker volume ls ${f} -q | sort`)).out.trim().split('\n').filter(Boolean);
    expect(await ls('--filter label=env')).toEqual(['lv', 'pv']);
    expect(await ls('--filter label=env=dev')).toEqual(['lv']);
    expect(await ls('--filter label=env --filter label=team')).toEqual(['lv']);
    expect(await ls('--filter name=^p')).toEqual(['plain', 'pv']);
    expect(await ls('--filter driver=nosuch')).toEqual([]);
    await run('docker run -d --name u1 -v lv:/x busybox sleep 1000');
    expect(await ls('-f dangling=false')).toEqual(['lv']);
    expect(await ls('-f dangling=true')).toEqual(['plain', 'pv']);
    expect((await run('docker volume ls --filter bogus=1')).err).toBe(
      "Error response from daemon: Invalid filter 'bogus'\n",
    );
    expect((await run('docker volume ls --filter dangling=maybe')).err).toBe(
      "Error response from daemon: Invalid filter 'dangling=[maybe]'\n",
    );
  });
});

describe('docker volume rm and prune', () => {
  it('rm -f still refuses a volume in use; a missing one is no error with -f; errors come last', async () => {
    const run = await withVolumes();
    await run('docker run -d --name u1 -v lv:/x busybox sleep 1000');
    const id = (await run("docker inspect -f '{{.Id}}' u1")).out.trim();
    expect(await run('docker volume rm -f lv')).toEqual({
      out: '',
      err: `Error response from daemon: remove lv: volume is in use - [${id}]\n`,
      code: 1,
    });
    expect(await run('docker volume rm -f nosuch')).toEqual({ out: 'nosuch\n', err: '', code: 0 });
    expect(await run('docker volume rm nosuch plain')).toEqual({
      out: 'plain\n',
      err: 'Error: No such volume: nosuch\n',
      code: 1,
    });
  });

  it('prune takes label and label! filters, and nothing else', async () => {
    const run = await withVolumes();
    expect((await run('docker volume prune --filter label=env=prod -f')).out).toBe(
      'Deleted Volumes:\npv\n\nTotal reclaimed space: 0B\n',
    );
    expect((await run('docker volume prune --filter label!=env -f')).out).toBe(
      'Deleted Volumes:\nplain\n\nTotal reclaimed space: 0B\n',
    );
    expect((await run('docker volume ls -q')).out).toBe('lv\n');
    expect((await run('docker volume prune --filter bogus=1 -f')).err).toBe(
      "Error response from daemon: Invalid filter 'bogus'\n",
    );
  });
});
