// `sh -c LINE NAME ARGS…`: NAME is $0 and ARGS are $1 …; without NAME, $0 is the shell as it was
// run (`sh`, `/bin/sh`). Compared with bash and dash on the host and with busybox's ash in a real
// container: the simulator printed `bash` and no $1 for every one of them.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

describe('sh -c with arguments', () => {
  it('sets $0 and the positional parameters on the host', async () => {
    const { run } = await makeShell();
    expect((await run("sh -c 'echo $0'")).out).toBe('sh\n');
    expect((await run("/bin/sh -c 'echo $0'")).out).toBe('/bin/sh\n');
    expect((await run("bash -c 'echo $0 $#'")).out).toBe('bash 0\n');
    expect((await run("sh -c 'echo $0 $1 $#' a b")).out).toBe('a b 1\n');
    expect((await run(`sh -c 'printf "[%s]" "$@"; echo' x 1 '2 3'`)).out).toBe('[1][2 3]\n');
  });

  it('does the same for a container’s command and for docker exec', async () => {
    const { run } = await makeShell();
    await run('docker pull -q busybox');
    expect((await run("docker run --rm busybox sh -c 'echo $0; echo $1' n1 v1")).out).toBe('n1\nv1\n');
    expect((await run("docker run --rm busybox /bin/sh -c 'echo $0'")).out).toBe('/bin/sh\n');
    await run('docker run -d --name box busybox sleep 1000');
    expect((await run("docker exec box sh -c 'echo $0-$1' me arg")).out).toBe('me-arg\n');
  });
});
