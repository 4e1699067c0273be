// The shell start-up files of the Debian-family images (/etc/profile, /etc/bash.bashrc, /etc/skel's
// and /root's dotfiles), each distribution's own text: texts/ says where every one comes from.
import type { DistroInfo, TreeBuilder } from './rootfs.js';
import {
  DEBIAN_BASH_BASHRC,
  DEBIAN_PROFILE,
  DEBIAN_ROOT_BASHRC,
  DEBIAN_SKEL_BASHRC,
} from './texts/debian-shell-files.js';
import {
  FOCAL_PROFILE,
  JAMMY_PROFILE,
  UBUNTU_BASH_BASHRC,
  UBUNTU_ROOT_BASHRC,
  UBUNTU_ROOT_PROFILE,
  UBUNTU_SKEL_BASH_LOGOUT,
  UBUNTU_SKEL_BASHRC,
  UBUNTU_SKEL_PROFILE,
} from './texts/ubuntu-shell-files.js';

/** Puts the distribution's shell start-up files into its root. */
export function shellStartupFiles(t: TreeBuilder, d: DistroInfo): void {
  const ubuntu = d.id === 'ubuntu';
  t.file('etc/profile', ubuntu ? (d.codename === 'focal' ? FOCAL_PROFILE : JAMMY_PROFILE) : DEBIAN_PROFILE);
  t.file('etc/bash.bashrc', ubuntu ? UBUNTU_BASH_BASHRC : DEBIAN_BASH_BASHRC);
  // skel.profile and skel.bash_logout are the same in Debian's bash and Ubuntu's, and so is
  // base-files' dot.profile.
  t.file('etc/skel/.bashrc', ubuntu ? UBUNTU_SKEL_BASHRC : DEBIAN_SKEL_BASHRC)
    .file('etc/skel/.profile', UBUNTU_SKEL_PROFILE)
    .file('etc/skel/.bash_logout', UBUNTU_SKEL_BASH_LOGOUT);
  t.file('root/.bashrc', ubuntu ? UBUNTU_ROOT_BASHRC : DEBIAN_ROOT_BASHRC).file('root/.profile', UBUNTU_ROOT_PROFILE);
}
