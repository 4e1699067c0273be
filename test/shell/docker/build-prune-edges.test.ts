// docker build from standard input, -q's failures, COPY without an intermediate container, image
// prune -a over an image a container uses, pflag's bools and -h, the local driver's short volume
// name, as a real Docker 20.10.24 answered them (conformance scripts 94 and 95 hold the same lines).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

async function withBusybox() {
  const sh = await makeShell();
  await sh.run('docker pull busybox >/dev/null 2>&1');
  return sh.run;
}

const SENDING = (size: string) => `Sending build context to Docker daemon  ${size}\r\r\n`;

describe('docker build -', () => {
  it('takes a Dockerfile on standard input as a context of that one file', async () => {
    const run = await withBusybox();
    const r = await run("printf 'FROM busybox\\nRUN echo one > /one\\n' | docker build -t tmp:1 -");
    expect(r.code).toBe(0);
    expect(r.out.startsWith(`${SENDING('2.048kB')}Step 1/2 : FROM busybox\n`)).toBe(true);
    expect((await run('docker run --rm tmp:1 cat /one')).out).toBe('one\n');
    expect(await run('docker build -q - < /dev/null')).toEqual({
      out: '',
      err: `${SENDING('1.536kB')}Error response from daemon: the Dockerfile (Dockerfile) cannot be empty\n`,
      code: 1,
    });
  });

  it('takes a tar on standard input as the context; the daemon looks for the Dockerfile in it', async () => {
    const run = await withBusybox();
    await run("mkdir /ctx && echo hi > /ctx/x && printf 'FROM busybox\\nCOPY x /x\\n' > /ctx/Dockerfile");
    expect((await run('tar -cf - -C /ctx . | docker build -t fromtar -')).code).toBe(0);
    expect((await run('docker run --rm fromtar cat /x')).out).toBe('hi\n');
    expect((await run('tar -czf - -C /ctx . | docker build -q -')).out).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const missing = await run('tar -cf - -C /ctx x | docker build -');
    // GNU tar's archive is whole records of 20 blocks: 10240 bytes.
    expect([missing.out, missing.err]).toEqual([
      SENDING('10.24kB'),
      'Error response from daemon: Cannot locate specified Dockerfile: Dockerfile\n',
    ]);
  });

  it('-q writes what the build printed to standard error when it fails, before the error', async () => {
    const run = await withBusybox();
    const r = await run("printf 'FROM busybox\\nRUN exit 3\\n' | docker build -q -");
    expect(r.code).toBe(3);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^Sending build context to Docker daemon {2}2\.048kB\r\r\nStep 1\/2 : FROM busybox\n ---> [0-9a-f]{12}\n/,
    );
    expect(r.err).toMatch(
      / ---> Running in [0-9a-f]{12}\nThe command '\/bin\/sh -c exit 3' returned a non-zero code: 3\n$/,
    );
  });

  it('a path that is no directory is no context; -f is read from the working directory', async () => {
    const run = await withBusybox();
    await run("mkdir -p /tmp/ctx && printf 'FROM busybox\\n' > /tmp/ctx/Dockerfile");
    expect((await run('docker build -q /tmp/ctx/nope')).err).toBe(
      'unable to prepare context: path "/tmp/ctx/nope" not found\n',
    );
    expect((await run('cd /tmp && docker build -q -f nope ctx')).err).toBe(
      'unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /tmp/nope: no such file or directory\n',
    );
    expect((await run('cd /tmp && docker build -q -f ctx/Dockerfile ctx')).code).toBe(0);
  });

  it('COPY makes its layer without an intermediate container: none announced, none in the image', async () => {
    const run = await withBusybox();
    await run("mkdir /ctx && echo hi > /ctx/x && printf 'FROM busybox\\nENV A=1\\nCOPY x /x\\n' > /ctx/Dockerfile");
    const out = (await run('docker build -t two /ctx')).out.replace(/\r/g, '');
    expect(out.match(/Running in/g)).toHaveLength(1); // the ENV step's
    expect(out).toMatch(/Step 3\/3 : COPY x \/x\n ---> [0-9a-f]{12}\nSuccessfully built/);
    expect((await run("docker inspect -f '{{.Container}}|{{json .ContainerConfig.Cmd}}' two")).out).toMatch(
      /^\|\["\/bin\/sh","-c","#\(nop\) COPY file:[0-9a-f]{64} in \/x "\]\n$/,
    );
  });
});

describe('image prune -a', () => {
  it('untags every tag of an image a container uses but the last, and leaves it', async () => {
    const run = await withBusybox();
    await run('docker tag busybox aaa:1 && docker tag busybox zzz:1 && docker create --name holder zzz:1');
    const r = await run('docker image prune -a -f');
    expect(r.out).toBe('Deleted Images:\nuntagged: aaa:1\nuntagged: busybox:latest\n\nTotal reclaimed space: 0B\n');
    expect((await run("docker images --format '{{.Repository}}:{{.Tag}}'")).out).toBe('zzz:1\n');
    expect((await run('docker rmi zzz:1')).err).toMatch(/^Error response from daemon: conflict: unable to remove/);
  });
});

describe('odds and ends a tester types', () => {
  it("a bool flag takes strconv.ParseBool's words: -H=0, --rm=t", async () => {
    const run = await withBusybox();
    expect((await run("docker history -H=0 --format '{{.Size}}' busybox")).out).toMatch(/^(\d+\n)+$/);
    expect((await run("docker history -H=T --format '{{.Size}}' busybox")).out).toMatch(/^([\d.]+[kM]?B\n)+$/);
    expect((await run('docker history -H=maybe busybox')).err).toMatch(
      /^invalid argument "maybe" for "-H, --human" flag: strconv.ParseBool: parsing "maybe": invalid syntax\n/,
    );
  });

  it('-h for --help is deprecated: said on stdout for a command, on stderr for the root', async () => {
    const run = await withBusybox();
    const sub = await run('docker rename -h');
    expect(
      sub.out.startsWith('Flag shorthand -h has been deprecated, please use --help\n\nUsage:  docker rename'),
    ).toBe(true);
    expect((await run('docker volume -h')).out.startsWith('Flag shorthand -h has been deprecated')).toBe(true);
    const root = await run('docker -h');
    expect([root.err, root.out.startsWith('\nUsage:  docker [OPTIONS] COMMAND')]).toEqual([
      'Flag shorthand -h has been deprecated, please use --help\n',
      true,
    ]);
    expect((await run('docker rename --help')).out.startsWith('\nUsage:')).toBe(true);
  });

  it('a one-byte volume name is too short for the local driver', async () => {
    const run = await withBusybox();
    expect((await run('docker volume create a')).err).toBe(
      'Error response from daemon: create a: volume name is too short, names should be at least two alphanumeric characters\n',
    );
    expect((await run('docker volume create ab')).out).toBe('ab\n');
  });
});
