# kernel only
# bash and dash (the host's /bin/sh) each in their own words, against this machine's: a script is
# read a complete command at a time (the lines before a syntax error run, the error ends the shell
# with 2), dash's messages (`sh: 1: X: parameter not set`, `Syntax error: "fi" unexpected`,
# `foo: not found`), $- and set -o of each, dash's echo (no -e), [[ and source missing from dash,
# type and command -v, and set -x of [[ ]], (( )), for, case and arithmetic for as bash prints them.
bash -c $'echo a\nif then\necho b'; echo "st=$?"
sh -c $'echo a\nif then\necho b'; echo "st=$?"
bash -c $'echo a\necho b |'; echo "st=$?"; sh -c $'echo a\necho b |'; echo "st=$?"
sh -c $'echo a\necho "b'; echo "st=$?"; sh -c 'if true; then echo'; sh -c 'echo a;;'; sh -c 'while :; do :; fi'
printf 'echo a\nif then\necho b\n' > /tmp/f90.sh; bash /tmp/f90.sh; echo "st=$?"; sh /tmp/f90.sh; echo "st=$?"
printf 'echo a\nif then\necho b\n' | bash; echo "st=$?"; printf 'echo a\nif then\necho b\n' | sh; echo "st=$?"
printf 'echo a\nnosuch\nif then\n' | bash; echo "st=$?"
bash -c '. /tmp/f90.sh; echo after $?'; echo "st=$?"; sh -c '. /tmp/f90.sh; echo after $?'; echo "st=$?"
chmod +x /tmp/f90.sh; /tmp/f90.sh; echo "st=$?"
printf '#!/bin/sh\necho a\nfoo\nset -u\necho $X\necho never\n' > /tmp/g90.sh; chmod +x /tmp/g90.sh; /tmp/g90.sh; echo "st=$?"
sh /tmp/g90.sh x; echo "st=$?"; sh /tmp/nope90.sh; echo "st=$?"
bash -c $'alias hi="echo alias-used"\nhi'; sh -c $'alias hi="echo alias-used"\nhi'
sh -c 'set -u; echo ${X:-default}; echo $X; echo never'; echo "st=$?"
sh -c 'if true; then fi'; echo "st=$?"; sh -c 'foo'; echo "st=$?"; sh -c 'foo' myname; sh -c './nofile'; echo "st=$?"
sh -c $'echo\nfoo'; dash -c 'nosuch'
sh -c 'echo $-'; sh -ec 'echo $-'; sh -fCa -c 'echo $-'; echo 'echo $-' | sh; sh -xuc 'echo $-' 2>/dev/null
sh -c 'set -o'; sh -c 'set -eu; set +o' | head -3
sh -c 'set -o nosuch; echo never'; echo "st=$?"
sh -c 'echo -e "a\tb"; echo -n x; echo y; echo "a\nb"; echo -n -e z; echo'
bash -c 'echo -e "a\tb"; echo "a\nb"'
sh -c '[[ a == a ]] && echo yes'; echo "st=$?"; bash -c '[[ a == a ]] && echo yes'
sh -c 'echo $((3+4*2)) $((7/2)) $((1<<3)) $(( 10 % 4 ))'
printf 'echo sourced $1\n' > /tmp/s90.sh; sh -c 'source /tmp/s90.sh'; echo "st=$?"; sh -c '. /tmp/s90.sh'; bash -c 'source /tmp/s90.sh'
sh -c 'f(){ local a=1; echo in $a; }; f; echo "out [$a]"'
sh -c 'type nosuch; echo st=$?; type echo set if local; f(){ :; }; type f; alias ll="ls -l"; type ll'
bash -c 'type nosuch; echo st=$?; type echo set if local'
sh -c 'command -v echo; command -v nosuch; echo st=$?; command -V echo'; bash -c 'command -v nosuch; echo st=$?'
bash -xc 'x=1; [[ a == a && -n $x ]]; (( i++ )); (( x = 2 + 3 )); echo $x' 2>&1
bash -xc 'for i in 1 "2 3"; do :; done; case $i in 2*) echo two;; esac' 2>&1
bash -xc 'for ((j=0; j<2; j++)); do :; done; while [[ $j -lt 3 ]]; do j=$((j+1)); done' 2>&1
bash -xc 'y=1 z=2; echo hi > /dev/null; f() { local v=1; }; f' 2>&1
sh -xc 'x=1; for i in 1 "2 3"; do :; done; case $x in 1) echo one;; esac; y=$x z=2; echo hi > /dev/null' 2>&1
sh -xc 'while [ ${x:=0} -lt 2 ]; do x=$((x+1)); done; f() { local v=1; }; f; export E=1; : $((x+=1)); echo "a b" ""' 2>&1
