// ubuntu:20.04's well-known files as a real container shows them (src/docker/registry/focal-files.ts
// cites where each figure comes from): ls -l's sizes, modes, owners and dates, wc -c, the text of the
// files that are data, and no /etc/hostname of the image's own (the container's comes from Docker).
import { describe, expect, it } from 'vitest';
import { createTutorialRegistry } from '../../src/docker/registry/tutorial.js';
import { transcriptShell } from '../shell/shell-harness.js';

const shell = async () => transcriptShell();

describe('ubuntu:20.04 files a learner opens first', () => {
  it('ls -l shows the real sizes, modes, owners and dates', async () => {
    const sh = await shell();
    await sh('docker pull -q ubuntu:20.04');
    const files =
      '/root/.bashrc /root/.profile /etc/skel/.bashrc /etc/skel/.profile /etc/skel/.bash_logout /etc/shadow ' +
      '/etc/passwd /etc/group /etc/apt/sources.list /etc/os-release /etc/lsb-release /etc/debian_version';
    const ls = await sh(`docker run --rm ubuntu:20.04 ls -l ${files} | awk '{print $1, $3, $4, $5, $6, $7, $8, $9}'`);
    expect(ls.trim().split('\n').sort()).toEqual(
      [
        '-rw-r--r-- root root 2743 Aug 4 2023 /etc/apt/sources.list',
        '-rw-r--r-- root root 13 Aug 4 2023 /etc/debian_version',
        '-rw-r--r-- root root 446 Aug 4 2023 /etc/group',
        '-rw-r--r-- root root 104 Aug 4 2023 /etc/lsb-release',
        'lrwxrwxrwx root root 21 Aug 4 2023 /etc/os-release',
        '-rw-r--r-- root root 926 Aug 4 2023 /etc/passwd',
        '-rw-r----- root shadow 501 Aug 4 2023 /etc/shadow',
        '-rw-r--r-- root root 220 Feb 25 2020 /etc/skel/.bash_logout',
        '-rw-r--r-- root root 3771 Feb 25 2020 /etc/skel/.bashrc',
        '-rw-r--r-- root root 807 Feb 25 2020 /etc/skel/.profile',
        '-rw-r--r-- root root 3106 Dec 5 2019 /root/.bashrc',
        '-rw-r--r-- root root 161 Dec 5 2019 /root/.profile',
      ].sort(),
    );
    expect(await sh("docker run --rm ubuntu:20.04 ls -la /root | tail -n +2 | awk '{print $1, $5, $9}'")).toBe(
      'drwx------ 4096 .\ndrwxr-xr-x 4096 ..\n-rw-r--r-- 3106 .bashrc\n-rw-r--r-- 161 .profile\n',
    );
  });

  it('the data files read as on a real focal container', async () => {
    const sh = await shell();
    await sh('docker pull -q ubuntu:20.04');
    expect(await sh('docker run --rm ubuntu:20.04 head -4 /etc/apt/sources.list')).toBe(
      [
        '# See http://help.ubuntu.com/community/UpgradeNotes for how to upgrade to',
        '# newer versions of the distribution.',
        'deb http://archive.ubuntu.com/ubuntu/ focal main restricted',
        '# deb-src http://archive.ubuntu.com/ubuntu/ focal main restricted',
        '',
      ].join('\n'),
    );
    expect(await sh('docker run --rm ubuntu:20.04 grep -c ^deb /etc/apt/sources.list')).toBe('10\n');
    expect(await sh('docker run --rm ubuntu:20.04 cat /etc/lsb-release /etc/debian_version')).toBe(
      'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=20.04\nDISTRIB_CODENAME=focal\n' +
        'DISTRIB_DESCRIPTION="Ubuntu 20.04.6 LTS"\nbullseye/sid\n',
    );
    expect(await sh('docker run --rm ubuntu:20.04 grep PRETTY /etc/os-release')).toBe(
      'PRETTY_NAME="Ubuntu 20.04.6 LTS"\n',
    );
    expect(await sh('docker run --rm ubuntu:20.04 head -1 /root/.bashrc /root/.profile')).toBe(
      '==> /root/.bashrc <==\n# ~/.bashrc: executed by bash(1) for non-login shells.\n\n' +
        '==> /root/.profile <==\n# ~/.profile: executed by Bourne-compatible login shells.\n',
    );
    // Every account locked, changed on the day the rootfs was made (2023-08-04: day 19573).
    expect(await sh('docker run --rm ubuntu:20.04 head -2 /etc/shadow')).toBe(
      'root:*:19573:0:99999:7:::\ndaemon:*:19573:0:99999:7:::\n',
    );
  });

  it("the image holds no /etc/hostname, hosts or resolv.conf: a container's come from Docker", () => {
    const [layer] = createTutorialRegistry().resolve('ubuntu:20.04').layers;
    const names = new Set(layer?.entries().map((e) => e.path));
    for (const f of ['etc/hostname', 'etc/hosts', 'etc/resolv.conf']) expect(names.has(f), f).toBe(false);
    expect(names.has('etc/skel/.bashrc')).toBe(true);
  });
});
