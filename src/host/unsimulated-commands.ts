// Commands a learner may reach for that a real Ubuntu 22.04 host with Docker has, but this
// simulator does not model. Typing one says so honestly instead of bash's "command not found",
// which would claim the command does not exist. Kept as data: add a name when a learner meets it;
// remove it when the command is simulated (the test finds names that are in both).
export const UNSIMULATED_COMMANDS: readonly string[] = [
  // coreutils
  ...['arch', 'b2sum', 'base32', 'basenc', 'chcon', 'chroot', 'cksum', 'comm', 'csplit', 'dir'],
  ...['dircolors', 'expand', 'factor', 'fmt', 'fold', 'groups', 'install', 'join', 'link'],
  ...['logname', 'mkfifo', 'mktemp', 'nice', 'nohup', 'numfmt', 'paste', 'pathchk'],
  ...['pinky', 'pr', 'printenv', 'ptx', 'runcon', 'sha224sum', 'sha384sum', 'sha512sum', 'shred', 'shuf'],
  ...['split', 'stdbuf', 'stty', 'sum', 'tac', 'timeout', 'tsort', 'tty'],
  ...['unexpand', 'unlink', 'users', 'vdir', 'who'],
  // util-linux, procps, e2fsprogs
  ...['blkid', 'column', 'dmesg', 'fdisk', 'flock', 'getopt', 'ionice', 'last'],
  ...['losetup', 'lsblk', 'lscpu', 'lslocks', 'lsns', 'mountpoint', 'namei', 'prlimit'],
  ...['renice', 'script', 'setsid', 'taskset', 'unshare', 'whereis', 'pgrep', 'pidof', 'pkill'],
  ...['pmap', 'ps', 'sysctl', 'top', 'vmstat', 'w', 'watch', 'debugfs'],
  ...['dumpe2fs', 'tune2fs', 'xfs_db'],
  // everyday tools
  ...['patch', 'bzip2', 'xz'],
  ...['unxz', 'zip', 'unzip', 'iconv', 'locale', 'reset', 'tput', 'strace', 'lsof'],
  ...['htop', 'tmux', 'screen', 'git', 'python3', 'perl', 'make', 'ssh', 'scp', 'rsync', 'crontab'],
  ...['curl', 'wget', 'ping', 'ip', 'ss', 'netstat', 'hostnamectl', 'apt', 'apt-get'],
  ...['dpkg', 'snap', 'useradd', 'usermod', 'passwd', 'lsmod', 'modprobe', 'modinfo'],
  // the container runtime beside dockerd
  ...['containerd', 'containerd-shim-runc-v2', 'ctr', 'runc', 'docker-init', 'docker-proxy'],
];
