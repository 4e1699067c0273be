echo -n "hello world 12345" | od
echo -n "hello" | od -c
head -c 40 /dev/zero | od -c
printf 'ab\tc\001\377\n' | od -c
printf 'ab\tc\001\377\n' | od -An -tx1
printf 'abcdefghijklmnopqrstu' | od -Ax -tx1z
printf 'abc' | od -t a
printf 'abcd' | od -x
printf 'abcd' | od -tx4
printf 'abc' | od -b
printf 'abc' | od -d
printf 'hello' | od -tx1 -c
printf 'hello world' | od -Ad -tu2 -w4
printf '\xff\xfe' | od -td1 -td2
cat /dev/zero | head -c 10 | od -c
head -c 100 /dev/zero | od -v -An -tx1 | head -2
od -N 4 -tx1 /dev/zero
yes | head -3
yes a b | head -2; echo ${PIPESTATUS[@]}
cat /dev/zero | head -c 10 | wc -c; echo ${PIPESTATUS[@]}
seq 100000 | head -1; echo ${PIPESTATUS[@]}
seq 1000 | head -1; echo ${PIPESTATUS[@]}
seq 5 | while read x; do echo "<$x>"; done
printf "a\nb\nc\n" | { read x; echo "x=$x"; cat; }
set -o pipefail; yes | head -1; echo $?; set +o pipefail
yes | head -1; echo $?
false | true; echo $? ${PIPESTATUS[@]}
set -o pipefail; false | true; echo $?; set +o pipefail
set -o pipefail; (exit 3) | (exit 4) | true; echo $?; set +o pipefail
cat /dev/urandom | tr -dc 'a-z' | head -c 16 | wc -c; echo ${PIPESTATUS[@]}
yes | grep -m2 y; echo ${PIPESTATUS[@]}
yes | grep -q y; echo ${PIPESTATUS[@]}
seq 20 | grep -n 1
seq 200000 | tail -1; echo ${PIPESTATUS[@]}
yes abc | tr a-z A-Z | head -2; echo ${PIPESTATUS[@]}
seq 100 | tee /tmp/t1 | head -1; echo ${PIPESTATUS[@]}; wc -l < /tmp/t1
while true; do echo y; done | head -2; echo ${PIPESTATUS[@]}
yes | true; echo ${PIPESTATUS[@]}
echo hi | cat | cat | cat; echo ${PIPESTATUS[@]}
x=1; false | true; echo ${PIPESTATUS[x]} ${PIPESTATUS[x-1]} ${PIPESTATUS[$((0))]} ${PIPESTATUS[ 1 ]}
false | true | false; echo ${PIPESTATUS[1+1]} ${PIPESTATUS[0]}
true | false; for s in "${PIPESTATUS[@]}"; do echo "[$s]"; done
true | false; printf '<%s>' "${PIPESTATUS[@]}"; echo
true | false; printf '<%s>' "${PIPESTATUS[*]}"; echo
true | false; printf '<%s>' x"${PIPESTATUS[@]}"y; echo
yes -x
printf "one two\n" > /tmp/f1; od -j 2 -N 3 -c /tmp/f1
