# kernel only
# The shell's set options and a non-interactive bash's errors, against the host's bash: set -e and its
# exceptions (conditions, && lists, !, functions called there, $(…) without -e, subshells), pipefail,
# set -u ending the shell (127 for -c, 1 for a script), set -x's trace (quoting, ++ inside $(…),
# assignments on their own lines, redirections not shown), set -f, $-, set -o, and the
# `NAME: line N:` prefix of bash -c and of a script.
bash -c 'set -e; false; echo x'; echo $?
bash -c 'set -e; false && true; echo after-and; true && false; echo never'; echo $?
bash -c 'set -e; ! true; echo negated; if false; then :; fi; while false; do :; done; echo conditions'; echo $?
bash -c 'set -e; f(){ false; echo in-f; }; f || echo failed; echo end; f; echo never'; echo $?
bash -c 'set -e; echo $(false; echo y); x=$(false); echo never'; echo $?
bash -c 'set -e; (false; echo sub); echo never'; echo $?
bash -c 'set -e; { false; }; echo never'; echo $?
bash -c 'set -e; false | true; echo no-pipefail; set -o pipefail; false | true; echo never'; echo $?
bash -e -c 'echo start; nosuch; echo never'; echo $?
bash -ec 'false || echo rescued; echo $-'; echo $?
bash -c 'set -u; echo ${nope:-default}; echo $nope; echo never'; echo $?
bash -u -c 'echo "$@" none; echo $1'; echo $?
bash -c 'nosuch; echo $?; ./nofile; echo $?' myname
bash -c 'echo $-'; bash -fc 'echo $-'; bash -xeuc 'echo $-' 2>/dev/null
bash -c 'set -f; echo /e*; set +f; echo /et*'
bash -c 'set -o' | grep -E 'errexit|nounset|pipefail|xtrace|braceexpand|hashall'
bash -ec 'set +o' | grep -E 'errexit|xtrace|pipefail'
bash -c 'set -o nosuch'; echo $?
bash -xc 'echo "a b" "" "it'\''s" plain; x=$(echo hi); A=1 echo $x 2>/dev/null; y="2 3"; set +x; echo quiet' 2>&1
bash -xc 'PS4="> "; echo one; echo $(echo two)' 2>&1
bash -c 'echo 1 >&2; set -x; echo 2' 2>&1
printf 'echo one\nnosuch\nset -u\necho $nope\necho never\n' > /tmp/s85.sh; bash /tmp/s85.sh; echo $?
chmod +x /tmp/s85.sh; /tmp/s85.sh; echo $?
printf 'echo start\nfalse\necho never\n' > /tmp/e85.sh; bash -e /tmp/e85.sh; echo $?; bash /tmp/e85.sh; echo $?
bash /tmp/nope85.sh; echo $?
bash -c 'if then' foo; echo $?
printf 'echo a\nnosuch\n' > /tmp/m85.sh; bash -c "$(cat /tmp/m85.sh)"; echo $?
bash -c 'echo before; set -n; echo never'; echo $?; bash -n -c 'nosuch'; echo $?
bash -vc 'echo verbose' 2>&1
printf 'false\necho sourced-never\n' > /tmp/d85.sh; bash -ec '. /tmp/d85.sh; echo never'; echo $?
bash -ec '. /tmp/d85.sh || echo rescued'; echo $?
