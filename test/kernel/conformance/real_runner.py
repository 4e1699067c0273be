#!/usr/bin/env python3
"""Applies conformance scenarios to a real overlay mount and reports what the kernel did.

Reads one JSON request per line on stdin and writes one JSON answer per line on stdout. It is
Python because the real side needs mount(2), mknod(2) and extended attributes, which Node's fs
module does not offer; it keeps no logic of its own beyond doing what the scenario says.
"""
import ctypes
import errno
import json
import os
import shutil
import signal
import stat
import sys
import tempfile
import time

LIBC = ctypes.CDLL(None, use_errno=True)
XATTR_NAME = "user.tutor"
PRESENCE_ONLY = {"trusted.overlay.origin", "trusted.overlay.uuid"}
# The pinned mtimes scenario.ts describes (PINNED_BASE_S, UPPER_ROOT_PIN_S, PINNED_LIMIT_S).
PINNED_BASE_S = 1_000_000_000
UPPER_ROOT_PIN_S = PINNED_BASE_S + 900
PINNED_LIMIT_S = 1_200_000_000


def mount_overlay(lowers, upper, work, target, redirect_dir=False):
    opts = "lowerdir=%s,upperdir=%s,workdir=%s" % (":".join(lowers), upper, work)
    if redirect_dir:
        opts += ",redirect_dir=on"
    if LIBC.mount(b"overlay", target.encode(), b"overlay", 0, opts.encode()) != 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))


def umount(target):
    if LIBC.umount2(target.encode(), 0) != 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))


def build_layer(root, steps):
    for s in steps:
        p = os.path.join(root, s["path"])
        k = s["kind"]
        if k == "dir":
            os.mkdir(p)
            os.chmod(p, s["mode"])
        elif k == "file":
            with open(p, "wb") as f:
                f.write(s["data"].encode())
            os.chmod(p, s["mode"])
        elif k == "symlink":
            os.symlink(s["target"], p)
        elif k == "hardlink":
            os.link(os.path.join(root, s["from"]), p, follow_symlinks=False)
        elif k == "whiteout":
            os.mknod(p, stat.S_IFCHR | 0o000, os.makedev(0, 0))
        elif k == "opaque":
            os.setxattr(p, "trusted.overlay.opaque", b"y", follow_symlinks=False)


TYPES = [
    (stat.S_ISDIR, "dir"), (stat.S_ISREG, "file"), (stat.S_ISLNK, "symlink"),
    (stat.S_ISCHR, "chr"), (stat.S_ISBLK, "blk"), (stat.S_ISFIFO, "fifo"), (stat.S_ISSOCK, "sock"),
]


def type_of(mode):
    for test, name in TYPES:
        if test(mode):
            return name
    return "unknown"


def entry(root, rel, rename_temps=False):
    p = os.path.join(root, rel) if rel else root
    st = os.lstat(p)
    t = type_of(st.st_mode)
    name = rel
    if rename_temps:
        name = "/".join("#" if part.startswith("#") else part for part in rel.split("/"))
    e = {"path": name, "type": t, "mode": stat.S_IMODE(st.st_mode), "nlink": st.st_nlink}
    secs = st.st_mtime_ns // 1_000_000_000
    if t == "file":
        e["size"] = st.st_size
        with open(p, "rb") as f:
            e["content"] = f.read().decode("latin-1")
    elif t == "symlink":
        e["target"] = os.readlink(p)
    elif t in ("chr", "blk"):
        e["rdev"] = [os.major(st.st_rdev), os.minor(st.st_rdev)]
    xs = {}
    for x in sorted(os.listxattr(p, follow_symlinks=False)):
        if x.startswith("security."):
            continue
        v = os.getxattr(p, x, follow_symlinks=False)
        xs[x] = "<present>" if x in PRESENCE_ONLY else v.decode("latin-1")
    if xs:
        e["xattrs"] = xs
    e["mtime"] = secs if secs < PINNED_LIMIT_S else "now"
    return e


def pin_times(root, layer):
    """Entry i of the layer in path order gets mtime (and atime) PINNED_BASE_S + 1000 * layer + i."""
    for i, e in enumerate(walk(root)):
        t = PINNED_BASE_S + 1000 * layer + i
        os.utime(os.path.join(root, e["path"]) if e["path"] else root, (t, t), follow_symlinks=False)


def walk(root, rename_temps=False):
    out = []

    def rec(rel):
        p = os.path.join(root, rel) if rel else root
        try:
            out.append(entry(root, rel, rename_temps))
        except FileNotFoundError:
            # overlayfs lists whiteouts of a directory it reads unmerged, but cannot stat them.
            out.append({"path": rel, "type": "ENOENT"})
            return
        if stat.S_ISDIR(os.lstat(p).st_mode):
            for name in sorted(os.listdir(p)):
                rec(os.path.join(rel, name) if rel else name)

    rec("")
    out.sort(key=lambda e: e["path"])
    return out


def apply(op, m, layer):
    o = op["op"]
    p = os.path.join(m, op["path"]) if "path" in op else None
    if o == "write":
        flags = os.O_WRONLY | os.O_CREAT
        flags |= {"trunc": os.O_TRUNC, "append": os.O_APPEND, "excl": os.O_EXCL, "inplace": 0}[op["how"]]
        fd = os.open(p, flags, 0o666)
        try:
            os.write(fd, op["data"].encode())
        finally:
            os.close(fd)
    elif o == "open":
        os.close(os.open(p, os.O_WRONLY))
    elif o == "mkdir":
        os.mkdir(p, op["mode"])
    elif o == "rmdir":
        os.rmdir(p)
    elif o == "unlink":
        os.unlink(p)
    elif o == "rename":
        os.rename(os.path.join(m, op["from"]), os.path.join(m, op["to"]))
    elif o == "symlink":
        os.symlink(op["target"], p)
    elif o == "link":
        os.link(os.path.join(m, op["from"]), os.path.join(m, op["to"]), follow_symlinks=False)
    elif o == "chmod":
        os.chmod(p, op["mode"])
    elif o == "chown":
        os.chown(p, op["uid"], -1)
    elif o == "truncate":
        os.truncate(p, op["length"])
    elif o == "mknod":
        if op["node"] == "whiteout":
            os.mknod(p, stat.S_IFCHR | 0o644, os.makedev(0, 0))
        else:
            # a null device (1,3): FIFOs would block the runner on open
            os.mknod(p, stat.S_IFCHR | 0o644, os.makedev(1, 3))
    elif o == "setxattr":
        os.setxattr(p, XATTR_NAME, op["value"].encode())
    elif o == "stat":
        q = os.path.join(layer(op["where"]), op["path"])
        st = os.lstat(q)
        return {"type": type_of(st.st_mode), "mode": stat.S_IMODE(st.st_mode), "nlink": st.st_nlink,
                "ino": st.st_ino, "size": st.st_size if stat.S_ISREG(st.st_mode) else None}
    elif o == "read":
        with open(p, "rb") as f:
            return f.read().decode("latin-1")
    elif o == "readdir":
        return sorted(os.listdir(p))
    return None


def run(req, base):
    d = tempfile.mkdtemp(dir=base)
    lowers = []
    for i, steps in enumerate(req["lowers"]):
        ld = os.path.join(d, "l%d" % i)
        os.mkdir(ld)
        build_layer(ld, steps)
        pin_times(ld, i)
        lowers.append(ld)
    up, wk, m = (os.path.join(d, n) for n in ("u", "w", "m"))
    for x in (up, wk, m):
        os.mkdir(x)
    os.utime(up, (UPPER_ROOT_PIN_S, UPPER_ROOT_PIN_S))
    before = [walk(l) for l in lowers]
    mount_overlay(lowers, up, wk, m, req.get("redirectDir", False))
    results = []
    try:
        def layer(where):
            if where == "merged":
                return m
            if where == "upper":
                return up
            return os.path.join(d, "l" + where[len("lower"):])
        started = time.perf_counter()
        for op in req["ops"]:
            try:
                v = apply(op, m, layer)
                results.append({"ok": True, "value": v} if v is not None else {"ok": True})
            except OSError as e:
                results.append({"ok": False, "errno": errno.errorcode.get(e.errno, str(e.errno))})
        ops_seconds = time.perf_counter() - started
        merged = walk(m)
    finally:
        umount(m)
    snap = {"merged": merged, "upper": walk(up), "work": walk(wk, rename_temps=True),
            "lowersBefore": before, "lowersAfter": [walk(l) for l in lowers]}
    shutil.rmtree(d)
    return {"results": results, "snapshot": snap, "opsSeconds": ops_seconds}


def on_alarm(signum, frame):
    raise TimeoutError("the scenario did not finish in 20 s")


def main():
    os.umask(0o022)
    signal.signal(signal.SIGALRM, on_alarm)
    base = tempfile.mkdtemp(prefix="ovl-conformance-")
    try:
        for line in sys.stdin:
            req = json.loads(line)
            signal.alarm(20)  # a scenario that hangs must fail the test, not stall it
            try:
                if req.get("probe"):
                    ans = {"uname": os.uname().release}
                    run({"lowers": [[]], "ops": []}, base)
                else:
                    ans = run(req, base)
            except Exception as e:  # reported to the test, which fails loudly with it
                ans = {"error": "%s: %s" % (type(e).__name__, e)}
            signal.alarm(0)
            sys.stdout.write(json.dumps(ans) + "\n")
            sys.stdout.flush()
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
