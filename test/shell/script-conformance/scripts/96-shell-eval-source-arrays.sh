# kernel only
# eval and `.` in bash, dash (the host's /bin/sh) and busybox's ash, each in its own words: eval
# reads its string a complete command at a time (the lines before a syntax error run; a line is
# read whole), its errors say `eval: line N:` (bash counts from the eval's line, dash from the
# string's first line, ash from the eval's line, a -c string from 0); a sourced file's errors name
# it and its line, a function keeps the lines of the file that defined it. dash and ash have no
# (( )): `((x=1))` is a subshell in a subshell, `for ((` a bad for loop variable; bash's arithmetic
# errors name `((` and quote the expression and its error token as bash cuts them. bash's arrays:
# indexed and associative (listed in its hash table's order), declare -a/-A/-i, local -i, let,
# unset of an element, readonly, their errors; dash's and ash's `a=(` a syntax error.
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
sh -c '((1+1)); echo st=$?'; echo "rc=$?"; busybox sh -c '((1+1)); echo st=$?'; echo "rc=$?"
sh -c '((x=1)); echo "x=[$x] st=$?"'; busybox sh -c '((x=1)); echo "x=[$x] st=$?"'; bash -c '((x=1)); echo "x=[$x] st=$?"'
sh -c '(( 1 + 1 )); echo st=$?'; busybox sh -c '(( 1 + 1 )); echo st=$?'; sh -c '((echo a)); echo st=$?'
busybox sh -c '((echo a)); echo st=$?'; bash -c '((echo a)); echo st=$?'
sh -c 'if ((1)); then echo yes; fi'; busybox sh -c 'if ((1)); then echo yes; fi'
sh -c 'x=2; ((x++)); echo $x'; busybox sh -c 'x=2; ((x++)); echo $x'; bash -c 'x=2; ((x++)); echo $x'
sh -c 'for ((i=0;i<2;i++)); do echo $i; done'; echo "rc=$?"; busybox sh -c 'for ((i=0;i<2;i++)); do echo $i; done'
sh -c $'echo a\nfor 1 in x; do :; done'; busybox sh -c 'for 1 in x; do :; done' name; bash -c 'for 1 in x; do :; done'
sh -c 'eval "((y=2))"; echo "[$y]"'; printf '((1+1))\necho after\n' > /tmp/p96.sh; sh /tmp/p96.sh; busybox sh /tmp/p96.sh
bash -c '((  1 +  ))'; bash -c '((1 +))'; bash -c '(( 2/0 ))'; bash -c '((echo a))'
bash -c 'echo $((  1 +  ))'; bash -c 'echo $(( 2/0 ))'; bash -c 'x=1; (( x = 1 + ))'
bash -c '(( 2/0+1 ))'; bash -c '(( (1 +) ))'; bash -c '(( 1 2 ))'; bash -c '(( 2 / (1-1) ))';  bash -c '(( 1 +* 2 ))'
bash -c '(( 08 + 1 ))'; bash -c '(( x = ))'; bash -c '(( 1 @ 2 ))'; bash -c '(( 1 ? 2 ))'; bash -c 'a=1+; (( a + 1 ))'
bash -c 'echo $(( 1 ))x $((2 % 0))'; bash -c 'for ((i=0; i<1+; i++)); do :; done; echo st=$?'
bash -c 'for 1 in x; do :; done'
bash -c 'declare -A m; m[k]=v; m[a]=1; m[b]=2; m[zebra]=3; m[apple]=4; echo "${!m[@]}"; echo "${m[@]}"; echo ${#m[@]} ${m[zebra]}'
bash -c 'a=(x y z); echo ${a[1]} ${a[@]} ${#a[@]}; a+=(w); echo "${a[@]}" ${!a[@]}; unset a[1]; echo "${a[@]}" ${!a[@]} ${#a[@]}'
bash -c 'a=(x y z); echo $a; a=q; echo "${a[@]}"; echo ${a[-1]}; a[-9]=1; echo never'; echo "rc=$?"
bash -c 'set -u; a=(x); echo ${a[3]}; echo never'; echo "rc=$?"
bash -c 'declare -i n; n=1+2; n+=3; echo $n; n=abc; echo $n; let x=2*3 y++; echo $x $y $?; let 0; echo $?; let; echo $?'
bash -c 'let "1 +"; echo $?; let "z = 5" "z > 3"; echo $? $z'
bash -c 'a=("one two" three); for w in "${a[@]}"; do echo "[$w]"; done; for w in ${a[@]}; do echo "<$w>"; done'
bash -c 'i=1; a=(p q r); echo ${a[i+1]} ${a[$i]} ${#a[0]}; a[i*2+3]=s; echo ${!a[@]}; echo "${a[*]}"'
bash -c 'declare -a b; b[2]=x; echo ${#b[@]} ${!b[@]}; s=str; s[1]=t; echo "${s[@]}"; declare -A h; h[one]=1; h+=([two]=2); echo "${!h[@]}" ${h[two]}'
bash -c 'f() { local -i n=4*2; echo $n; }; f;'
bash -c 'a=(x y); unset a; echo "[${a[@]}]" ${#a[@]}; m=([2]=b [0]=a c); echo ${!m[@]} ${m[@]}'
dash -c 'a=(x y)'; busybox sh -c 'a=(x y)'; bash -c 'readonly r=1; r=2; echo never'; echo "rc=$?"
