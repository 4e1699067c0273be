# kernel only
# eval and `.` in bash, dash (the host's /bin/sh) and busybox's ash, each in its own words: eval
# reads its string a complete command at a time (the lines before a syntax error run; a line is
# read whole), its errors say `eval: line N:` (bash counts from the eval's line, dash from the
# string's first line, ash from the eval's line, a -c string from 0); a sourced file's errors name
# it and its line, a function keeps the lines of the file that defined it.
bash -c 'eval "echo a; echo b; if"; echo st=$?'; echo "rc=$?"
bash -c $'eval "echo a\necho b\nif then"; echo st=$?'; echo "rc=$?"
sh -c 'eval "echo a; echo b; if"; echo st=$?'; echo "rc=$?"
sh -c $'eval "echo a\necho b\nif then"; echo st=$?'; echo "rc=$?"
busybox sh -c 'eval "echo a; echo b; if"; echo st=$?'; echo "rc=$?"
busybox sh -c $'eval "echo a\necho b\nif then"; echo st=$?'; echo "rc=$?"
bash -c $'\n\neval "echo\n\nnosuch";:'; bash -c $'\n\neval "echo\n\nif then";:'; bash -c $'\n\neval "echo\n\nif";:'
bash -c $'\n\neval x "echo\n\nnosuch\n\n" y\n\n:'; bash -c $'nosuch "a\nb"'; bash -c $'x=1 nosuch "a\nb"'
sh -c $'\n\neval "nosuch\n\nnosuch2"'; busybox sh -c $'\n\neval "nosuch\n\nnosuch2"'; sh -c $'\n\neval "echo a\n\nif" x' name
busybox sh -c $'\n\neval "echo a\n\nif" x' name; sh -c 'eval "(echo a"'; busybox sh -c "eval \"echo 'a\""
printf '\n\neval "if\n\n"\neval "echo\n\x27a\n\n"\neval "echo a\n\n(echo b\n"\n:\n' > /tmp/e96.sh; bash /tmp/e96.sh
sh /tmp/e96.sh; echo "rc=$?"; busybox sh /tmp/e96.sh; echo "rc=$?"
printf '\neval "if then"\n\neval "nosuch"\n' > /tmp/v96.sh; bash -c '. /tmp/v96.sh; echo st=$?'; bash /tmp/v96.sh
sh -c '. /tmp/v96.sh'; busybox sh -c '. /tmp/v96.sh'; sh /tmp/v96.sh x; busybox sh /tmp/v96.sh
printf 'echo in lib\n\nnosuch\nf() {\n  nosuch2\n}\n' > /tmp/lib96.sh; printf 'x\n. /tmp/lib96.sh\nf\nnosuch3\n' > /tmp/m96.sh
bash -c '. /tmp/lib96.sh; f; nosuch3'; bash /tmp/m96.sh; cd /tmp && bash -c 'source lib96.sh'
sh -c '. /tmp/lib96.sh; f; nosuch3'; sh /tmp/m96.sh; cd /tmp && sh -c '. lib96.sh'; echo "rc=$?"
busybox sh -c '. /tmp/lib96.sh; f; nosuch3'; busybox sh /tmp/m96.sh; cd /tmp && busybox sh -c 'source lib96.sh'
printf 'echo "args: $# $1"\n' > /tmp/a96.sh; bash -c '.; echo st=$?'; sh -c '.; echo st=$?'; busybox sh -c '.; echo st=$?'
bash -c 'set -- x y; . /tmp/a96.sh p q; echo "after $# $1"'; sh -c 'set -- x y; . /tmp/a96.sh p q; echo "after $# $1"'
busybox sh -c 'set -- x y; . /tmp/a96.sh p q; echo "after $# $1"'
bash -c '. /tmp; echo st=$?'; sh -c '. /tmp; echo st=$?'; busybox sh -c '. /tmp; echo st=$?'
bash -c '. /tmp/nope96.sh; echo st=$?'; sh -c '. /tmp/nope96.sh; echo st=$?'; echo "rc=$?"
busybox sh -c 'source /tmp/nope96.sh; echo st=$?'; echo "rc=$?"; bash -c 'source'
