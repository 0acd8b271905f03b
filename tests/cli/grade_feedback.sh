# grade --feedback DIR: one report per student in DIR, named from the id
# made safe (-2 for a repeat), and nothing written outside DIR: a symbolic
# link at a student's file name is not followed (the run stops, 74, the
# link and its target untouched); a hard link there is replaced, not
# written through; a report of an earlier run is replaced.
LC_ALL=C
export LC_ALL
umask 022
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
k=tests/cli/data/key.tsv
printf 'student,1.1,2.1,3.3.4\nann,T,AB,1\nann,F,AZ,\n../x,,b,\n.hidden,t,a c,2\na/b,true,D,0.5\na b,F,,\nJos\303\251,(F),ab,\n,T,,\n\033[31mred,T,,\n' >"$d/r.csv"
mkdir "$d/fb"
echo outside >"$d/outside.txt"
ln -s ../outside.txt "$d/fb/a_b.txt"
ln -s ../outside.txt "$d/fb/link"

echo "run 1: a symbolic link where the report of a/b goes"
$EC grade --key $k --roster "$d/r.csv" --feedback "$d/fb" -o "$d/graded.csv" 2>"$d/err"
echo "status $?"
grep -v "r\.csv:" "$d/err" | sed "s|$d|D|g"
[ -L "$d/fb/a_b.txt" ] && echo "a_b.txt is still a symbolic link"
cat "$d/outside.txt"
[ -e "$d/graded.csv" ] || echo "no graded.csv"
ls -A "$d/fb"

echo "run 2: a hard link there, and an earlier run's ann.txt"
rm "$d/fb/a_b.txt"
ln "$d/outside.txt" "$d/fb/a_b.txt"
echo stale >"$d/fb/ann.txt"
$EC grade --key $k --roster "$d/r.csv" --feedback "$d/fb" -o "$d/graded.csv" 2>"$d/err"
echo "status $?"
grep -v "r\.csv:" "$d/err" | sed "s|$d|D|g"
cat "$d/outside.txt"
for f in $(ls -A "$d/fb"); do
	echo "== $f"
	if [ -L "$d/fb/$f" ]; then
		echo "(a symbolic link, left alone)"
	else
		cat "$d/fb/$f"
	fi
done

echo "run 3: DIR is created with mode 0777 less the umask"
printf 'student,1.1\nann,T\n' >"$d/one.csv"
(umask 027 && $EC grade --key $k --roster "$d/one.csv" --feedback "$d/new" >/dev/null)
echo "status $?"
ls -ld "$d/new" | cut -c1-10
ls -l "$d/new/ann.txt" | cut -c1-10
