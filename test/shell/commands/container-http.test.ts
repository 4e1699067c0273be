// busybox's httpd in one container, wget, nc and netstat in another on the same user network: a
// page and its headers, files saved, errors (404, a name not found, a refused port, an address no
// one holds), the redirect of a directory, httpd's error pages through nc, the listening sockets.
// Conformance script 97 runs the same against a real dockerd.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

const WEB =
  "sh -c 'mkdir -p /www/sub && echo hello > /www/index.html && echo s > /www/sub/index.html && " +
  "exec httpd -f -p 80 -h /www'";

async function served() {
  const shell = await makeShell();
  await shell.run('docker network create n');
  await shell.run(`docker run -d --name web --network n busybox ${WEB}`);
  await shell.run('docker run -d --name cl --network n busybox sleep 1000');
  return shell;
}

describe('httpd and wget between containers', () => {
  it('wget fetches a page from httpd by the container name; -S shows the headers busybox httpd sends', async () => {
    const { run } = await served();
    expect((await run('docker ps --format "{{.Names}} {{.Status}}"')).out).toMatch(/^cl Up .*\nweb Up /);
    expect(await run('docker exec cl wget -qO- http://web/index.html')).toMatchObject({ out: 'hello\n', code: 0 });
    const s = await run("docker exec cl sh -c 'wget -S -O - http://web/ 2>&1'");
    const masked = s.out
      .replace(/Date: .* GMT/, 'Date: D')
      .replace(/Last-Modified: .* GMT/, 'Last-Modified: M')
      .replace(/ETag: "[0-9a-f]+-6"/, 'ETag: E');
    expect(masked).toBe(
      [
        'Connecting to web (172.18.0.2:80)',
        '  HTTP/1.1 200 OK',
        '  Date: D',
        '  Connection: close',
        '  Content-type: text/html',
        '  Accept-Ranges: bytes',
        '  Last-Modified: M',
        '  ETag: E',
        '  Content-Length: 6',
        '  ',
        'writing to stdout',
        'hello',
        `-${' '.repeat(20)}100% |${'*'.repeat(32)}|     6  0:00:00 ETA`,
        'written to stdout',
        '',
      ].join('\n'),
    );
    expect((await run("docker exec cl sh -c 'wget -qO- http://web/sub'")).out).toBe('s\n');
  });

  it('saves to the URL name once, then refuses to overwrite it; -O overwrites', async () => {
    const { run } = await served();
    const first = await run("docker exec cl sh -c 'cd /tmp && wget http://web/index.html 2>&1; cat index.html'");
    expect(first.out).toContain("saving to 'index.html'\nindex.html           100% |");
    expect(first.out).toMatch(/'index\.html' saved\nhello\n$/);
    const again = await run("docker exec cl sh -c 'cd /tmp && wget http://web/index.html'");
    expect(again).toMatchObject({
      err: expect.stringContaining("wget: can't open 'index.html': File exists\n"),
      code: 1,
    });
    expect(
      (await run("docker exec cl sh -c 'cd /tmp && wget -qO index.html http://web/sub/; cat index.html'")).out,
    ).toBe('s\n');
  });

  it('errors: 404, a name not found, a refused port, no route to a free address, none at all', async () => {
    const { run } = await served();
    expect(await run('docker exec cl wget -q http://web/nope')).toMatchObject({
      err: 'wget: server returned error: HTTP/1.1 404 Not Found\n',
      code: 1,
    });
    expect((await run('docker exec cl wget -q http://nosuch/')).err).toBe("wget: bad address 'nosuch'\n");
    expect((await run('docker exec cl wget -q http://web:81/')).err).toBe(
      "wget: can't connect to remote host (172.18.0.2): Connection refused\n",
    );
    expect((await run('docker exec cl wget -q http://172.18.0.99/')).err).toBe(
      "wget: can't connect to remote host (172.18.0.99): No route to host\n",
    );
    expect((await run('docker run --rm --network none busybox wget -q http://172.18.0.2/')).err).toBe(
      "wget: can't connect to remote host (172.18.0.2): Network is unreachable\n",
    );
    expect((await run('docker exec cl wget')).err).toContain('Usage: wget [-cqS]');
  });

  it('nc sends stdin and prints the answer; httpd answers a bad request with its error page', async () => {
    const { run } = await served();
    const r = await run("docker exec cl sh -c 'echo hi | nc web 80'");
    expect(r.out).toMatch(
      /^HTTP\/1\.1 400 Bad Request\r\nDate: .*\r\nConnection: close\r\nContent-type: text\/html\r\n\r\n/,
    );
    expect(r.out).toContain('<BODY><H1>400 Bad Request</H1>\nUnsupported method\n</BODY></HTML>\n');
    expect((await run('docker exec cl nc web 81')).err).toBe(
      "nc: can't connect to remote host (172.18.0.2): Connection refused\n",
    );
  });

  it("netstat shows httpd's socket and the embedded DNS server's; httpd without -f backgrounds itself", async () => {
    const { run } = await served();
    const web = (await run('docker exec web netstat -tln')).out;
    expect(web).toMatch(/^tcp {8}0 {6}0 127\.0\.0\.11:\d+ +0\.0\.0\.0:\* +LISTEN {6}$/m);
    expect(web).toContain('tcp        0      0 :::80                   :::*                    LISTEN      \n');
    expect((await run('docker exec cl netstat -tln')).out).not.toContain(':::80');
    expect(await run("docker exec web sh -c 'httpd -p 80'")).toMatchObject({
      err: 'httpd: bind: Address already in use\n',
    });
    expect((await run("docker exec web sh -c 'httpd -p 8080 -h /www'")).code).toBe(0);
    expect((await run('docker exec cl wget -qO- http://web:8080/')).out).toBe('hello\n');
    // As a main process, httpd without -f leaves at once: its container stops.
    await run("docker run -d --name bg busybox sh -c 'httpd -p 80'");
    expect((await run('docker inspect -f "{{.State.Status}}" bg')).out).toBe('exited\n');
  });
});
