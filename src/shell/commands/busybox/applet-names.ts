// The busybox applets that the simulator runs in busybox's own way inside a busybox-based
// container (or as `busybox APPLET`): those it has a command for. Others run as the host's.
export const BUSYBOX_APPLETS_SIMULATED: readonly string[] = [
  ...['awk', 'base64', 'basename', 'cat', 'chgrp', 'chmod', 'chown', 'cmp', 'cp', 'cut', 'date', 'dd', 'df'],
  'diff',
  'dmesg',
  'expr',
  'dirname',
  ...['du', 'env', 'find', 'grep', 'head', 'hostname', 'id', 'ln', 'ls', 'md5sum', 'mkdir', 'mknod', 'mount'],
  ...[
    'mv',
    'nl',
    'od',
    'ps',
    'readlink',
    'realpath',
    'rev',
    'rm',
    'rmdir',
    'sed',
    'seq',
    'sha1sum',
    'sha256sum',
    'sort',
  ],
  ...['stat', 'tail', 'tar', 'tee', 'touch', 'tr', 'umount', 'uname', 'uniq', 'vi', 'wc', 'which', 'whoami'],
  ...['xargs', 'nproc', 'free', 'uptime', 'sh', 'truncate', 'fallocate'],
  ...['ping', 'nslookup', 'ip', 'route', 'ifconfig', 'netstat', 'wget', 'httpd', 'nc'],
];
