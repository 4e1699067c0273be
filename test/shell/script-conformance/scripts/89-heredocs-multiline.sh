# kernel only
# A learner writes files with heredocs and types commands over several lines, as bash reads them
# at a prompt (one command up to the heredoc's delimiter, a closing quote, `)` or block keyword, or
# past a line ending in `\`): <<EOF expands $vars, $(…) and $((…)), <<'EOF', <<"EOF" and <<\EOF
# do not, <<- strips leading tabs, a heredoc inside $( ), two on one line, piped, fed to sh and
# bash -s, into a while-read loop, on fd 3; multi-line quotes, $( ), blocks, functions and pipelines.
mkdir -p /tmp/h89 && cd /tmp/h89
name=world; n=3
cat > greeting <<EOF
hello $name, $n+1 is $((n + 1))
today is $(echo Monday) and \$name stays, as does \`x\`
  indented stays indented
EOF
cat greeting; wc -l greeting
cat > literal <<'EOF'
hello $name $(echo no) $((1+1)) \
EOF
cat literal
cat <<"EOF"
double-quoted $name
EOF
cat <<\EOF
backslashed $name
EOF
cat <<-EOF
	tab stripped $name
		two tabs gone
    spaces kept
	EOF
cat <<EOF >> greeting
appended line
EOF
tail -n 2 greeting
x=$(cat <<EOF
inside $name
EOF
); echo "[$x]"
cat <<A; cat <<B
first
A
second
B
cat <<L 3<<R
left
L
right, on fd 3
R
cat 3<<R <&3
from fd 3
R
cat <<EOF | sha256sum
piped $name
EOF
tr a-z A-Z <<EOF | wc -c
some words
EOF
sh <<'EOF'
echo "sh runs: $0 $((2 * 21))"
v=inner; echo $v
EOF
bash -s one two <<'EOF'
echo "args: $# $1 $2"
for a in "$@"; do echo "- $a"; done
EOF
while read -r a b; do echo "a=$a b=$b"; done <<EOF
1 one
2 two
EOF
for f in greeting literal; do
  wc -c < $f
done
cat <<EOF >&2
to stderr
EOF
cat <<EOF && echo "status $?"
ok
EOF
echo a \
  b \
  c
ls \
  /tmp/h89
echo "line one
line two $name"
echo 'single
  $name kept'
echo "sum: $(
  echo 1
  echo 2 | wc -l
)"
if [ -f greeting ]; then
  echo has greeting
elif true; then
  echo no
else
  echo never
fi
for i in 1 2 3; do
  echo "round $i"
done | tail -n 1
case $name in
  wor*) echo matched ;;
  *) echo other ;;
esac
greet() {
  echo "hi $1"
}
greet there
{
  echo grouped
  echo twice
} | wc -l
(
  cd /
  pwd
)
n=0; while [ $n -lt 2 ]; do
  n=$((n + 1)); echo n=$n
done
echo a |
  tr a b
true &&
  echo and-continued
ls -l greeting literal | awk '{ print $1, $5, $9 }'
