# du of an upper dir on ext4: a directory overlayfs copied up carries trusted.overlay.origin and
# trusted.overlay.impure, more than fits in a 256-byte inode, so it takes a block for them (16
# blocks where a new directory has 8); a copied-up file's origin alone fits in the inode.
# (Under /var/lib/docker: ext4 on the real host too, where the harness keeps /tmp a tmpfs.)
mkdir -p /var/lib/docker/du-test/lower/etc/sub /var/lib/docker/du-test/upper /var/lib/docker/du-test/work /var/lib/docker/du-test/merged
echo hello > /var/lib/docker/du-test/lower/etc/sub/f
echo x > /var/lib/docker/du-test/lower/etc/g
mount -t overlay overlay -o index=off,lowerdir=/var/lib/docker/du-test/lower,upperdir=/var/lib/docker/du-test/upper,workdir=/var/lib/docker/du-test/work /var/lib/docker/du-test/merged
echo more >> /var/lib/docker/du-test/merged/etc/sub/f
mkdir /var/lib/docker/du-test/merged/etc/newdir
echo y > /var/lib/docker/du-test/merged/etc/new
umount /var/lib/docker/du-test/merged
cd /var/lib/docker/du-test/upper && stat -c '%n %b' etc etc/sub etc/sub/f etc/newdir etc/new
du -s etc
du -sh etc
getfattr -m - etc etc/sub/f | sort
