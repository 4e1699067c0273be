#!/usr/bin/env python3
"""Times lookup and readdir on a real overlay mount, for bench/kernel.ts to set beside the model.

Prints one JSON object. Needs root (mount(2)); the Node side reports when it cannot run.
"""
import ctypes, json, os, shutil, sys, tempfile, time

LIBC = ctypes.CDLL(None, use_errno=True)


def mount(lowers, up, wk, m):
    opts = "lowerdir=%s,upperdir=%s,workdir=%s" % (":".join(lowers), up, wk)
    if LIBC.mount(b"overlay", m.encode(), b"overlay", 0, opts.encode()) != 0:
        raise OSError(ctypes.get_errno(), "mount")


def per_op(fn, n):
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t) / n * 1e6  # microseconds


def main():
    layers, entries = int(sys.argv[1]), int(sys.argv[2])
    d = tempfile.mkdtemp(prefix="ovl-bench-")
    try:
        lowers = []
        # Short relative names keep 125 lowerdirs within the one-page option limit, as Docker's l/ links do.
        os.chdir(d)
        for i in range(layers):
            l = "%d" % i
            os.makedirs(os.path.join(l, "usr/lib"))
            for j in range(20):
                open(os.path.join(l, "usr/lib/f%d_%d" % (i, j)), "w").close()
            lowers.append(l)
        open(os.path.join(lowers[-1], "usr/lib/bottom"), "w").close()
        os.makedirs(os.path.join(lowers[0], "big"))
        for j in range(entries):
            open(os.path.join(lowers[0], "big/e%d" % j), "w").close()
        for x in ("u", "w", "m"):
            os.mkdir(x)
        mount(lowers, "u", "w", "m")
        try:
            out = {
                "lookupBottomUs": per_op(lambda: os.lstat("m/usr/lib/bottom"), 2000),
                "lookupMissUs": per_op(lambda: os.path.lexists("m/usr/lib/nothing"), 2000),
                "readdirLayersUs": per_op(lambda: os.listdir("m/usr/lib"), 50),
                "readdirBigUs": per_op(lambda: os.listdir("m/big"), 5),
            }
        finally:
            LIBC.umount2(b"m", 0)
        print(json.dumps(out))
    finally:
        os.chdir("/")
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main()
