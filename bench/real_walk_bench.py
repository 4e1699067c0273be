#!/usr/bin/env python3
"""Builds on the real kernel the /var/lib/docker tree bench/walk-host.ts wrote out (its entries,
then its overlay mounts) and times GNU find over it, for bench/walk.ts to set beside the model.

Usage: real_walk_bench.py MANIFEST WALKS ROUNDS, WALKS a JSON list of {"name", "argv"} with {dir}
in argv for the tree's /var/lib/docker; each walk runs ROUNDS times. Prints one JSON object:
{"walks": [{"name", "entries" (lines printed), "seconds": [...], "cpuSeconds": [...]}]}, CPU time
being the walk's user and system time. Needs root (mknod, trusted.* xattrs,
mount(2)); the Node side reports when it cannot run.
"""
import ctypes, json, os, resource, shutil, stat, subprocess, sys, tempfile, time

LIBC = ctypes.CDLL(None, use_errno=True)


def mount(target, options):
    if LIBC.mount(b"overlay", target.encode(), b"overlay", 0, options.encode()) != 0:
        raise OSError(ctypes.get_errno(), "mount %s" % target)


def main():
    with open(sys.argv[1]) as f:
        entries = [json.loads(line) for line in f if line.strip()]
    root = tempfile.mkdtemp(prefix="ovl-walk-")
    mounted = []
    try:
        modes = []
        for e in entries:
            kind, path = e[0], root + e[1]
            if kind == "dir":
                os.makedirs(path, exist_ok=True)
                if e[4]:
                    os.setxattr(path, "trusted.overlay.opaque", b"y")
                modes.append((path, e[2]))
            elif kind == "file":
                with open(path, "wb") as out:
                    out.truncate(e[3])
                os.chmod(path, e[2])
            elif kind == "symlink":
                os.symlink(e[3], path)
            elif kind in ("blk", "chr", "fifo"):
                fmt = {"blk": stat.S_IFBLK, "chr": stat.S_IFCHR, "fifo": stat.S_IFIFO}[kind]
                os.mknod(path, fmt | e[2], e[3] if kind != "fifo" else 0)
            elif kind == "whiteout":
                os.mknod(path, stat.S_IFCHR | 0o000, os.makedev(0, 0))
            elif kind == "mount":
                opts = {}
                for o in e[2].split(","):
                    k, _, v = o.partition("=")
                    opts[k] = v
                lower = ":".join(root + p for p in opts["lowerdir"].split(":"))
                mount(root + e[1], "lowerdir=%s,upperdir=%s,workdir=%s" % (lower, root + opts["upperdir"], root + opts["workdir"]))
                mounted.append(root + e[1])
        for path, mode in reversed(modes):
            os.chmod(path, mode)
        walks = []
        for walk in json.loads(sys.argv[2]):
            argv = [a.replace("{dir}", root + "/var/lib/docker") for a in walk["argv"]]
            seconds, cpu, count = [], [], 0
            for _ in range(int(sys.argv[3])):
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                t = time.perf_counter()
                out = subprocess.run(argv, stdout=subprocess.PIPE, check=True).stdout
                seconds.append(time.perf_counter() - t)
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
                count = out.count(b"\n")
            walks.append({"name": walk["name"], "entries": count, "seconds": seconds, "cpuSeconds": cpu})
        print(json.dumps({"walks": walks}))
    finally:
        for m in reversed(mounted):
            LIBC.umount2(m.encode(), 0)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
