// A busybox container run as a user that is not root (-u 1000): what its applets and ash say when
// a directory may not be searched or read, in Debian busybox-static 1.35's words and statuses
// (script 76 runs the same lines against a real dockerd).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

describe('busybox as uid 1000 before directories it may not search or read', () => {
  it("prints busybox's words, the total ls -l still prints, ash's cd error with status 2", async () => {
    const { run } = await makeShell();
    await run('docker run -d --name pu -u 1000 busybox sleep 1000');
    await run(
      `docker exec -u 0 pu sh -c 'mkdir -p /root/d /nox /nor; echo x > /root/x; echo y > /nox/f; chmod 700 /root; chmod 711 /nor; chmod 744 /nox'`,
    );
    const sh = async (line: string) => (await run(`docker exec pu sh -c '${line}'`)).out;
    expect(await sh('ls /root 2>&1; echo $?')).toBe("ls: can't open '/root': Permission denied\n1\n");
    expect(await sh('ls -l /root 2>&1; echo $?')).toBe("ls: can't open '/root': Permission denied\ntotal 0\n1\n");
    expect(await sh('ls -l /nox 2>&1; echo $?')).toBe('ls: /nox/f: Permission denied\ntotal 0\n1\n');
    expect(await sh('cd /root 2>&1; echo $?')).toBe("sh: cd: line 0: can't cd to /root: Permission denied\n2\n");
    expect(await sh('rm /root/x 2>&1; echo $?')).toBe("rm: can't stat '/root/x': Permission denied\n1\n");
    expect(await sh('head /root/x 2>&1')).toBe('head: /root/x: Permission denied\n');
    expect(await sh('find /nox /root 2>&1 >/dev/null')).toBe(
      'find: /nox/f: Permission denied\nfind: /root: Permission denied\n',
    );
    expect(await sh('test -r /nor; echo $?; test -x /nor; echo $?; test -w /tmp; echo $?')).toBe('1\n0\n0\n');
    // Root in the same container is held to nothing.
    expect((await run('docker exec -u 0 pu sh -c "ls -l /root | wc -l; cat /root/x"')).out).toBe('3\nx\n');
  });
});
