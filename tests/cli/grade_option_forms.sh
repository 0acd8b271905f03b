# Every getopt_long spelling of an option gives the same result: -o FILE,
# -oFILE, --output FILE, --output=FILE, --key=FILE; -o=FILE writes the file
# '=FILE' (as getopt reads it); after --, '-sheet.txt' is a sheet; '-' is
# standard input.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
case $EC in /*) ec=$EC ;; *) ec=$(pwd)/$EC ;; esac
k=$(pwd)/tests/cli/data/key.tsv
s=$(pwd)/tests/cli/data/sheet.txt
cd "$d" || exit 1
"$ec" grade --key "$k" "$s" >want || exit 1
"$ec" grade --key "$k" -o a "$s" && cmp -s want a || { echo "-o FILE"; exit 1; }
"$ec" grade --key "$k" -ob "$s" && cmp -s want b || { echo "-oFILE"; exit 1; }
"$ec" grade --key "$k" --output c "$s" && cmp -s want c || { echo "--output FILE"; exit 1; }
"$ec" grade --key "$k" --output=e "$s" && cmp -s want e || { echo "--output=FILE"; exit 1; }
"$ec" grade --key="$k" -o=f "$s" && cmp -s want =f || { echo "-o=FILE is not the file =FILE"; exit 1; }
[ ! -e f ] || { echo "-o=f wrote f"; exit 1; }
cp "$s" ./-sheet.txt
"$ec" grade --key "$k" -o g -- -sheet.txt && sed 's/-sheet.txt/SHEET/' g >g2 &&
	sed "s|$s|SHEET|" want >want2 && cmp -s want2 g2 || { echo "-- -sheet.txt"; exit 1; }
"$ec" grade --key "$k" - <"$s" | sed "s|^Sheet -$|Sheet SHEET|" >h
sed "s|$s|SHEET|" want | cmp -s - h || { echo "- as standard input"; exit 1; }
