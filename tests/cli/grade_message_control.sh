# Messages show control characters and ill-formed UTF-8 as escapes (\e \t
# \n \r \xNN), never raw: an ESC sequence, a BEL, a C1 CSI (U+009B) and a
# stray byte in answers, file names with a tab and a newline, a title-
# setting OSC sequence; valid UTF-8 (U+00D7 in 16 x 8) stays as it is. In
# JSON the same flags are \u escapes and U+FFFD.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
case $EC in /*) ec=$EC ;; *) ec=$(pwd)/$EC ;; esac
k=$(pwd)/tests/cli/data/key.tsv
$EC grade --key $k tests/cli/data/sheet-control.txt > /dev/null
$EC grade --key $k --format json tests/cli/data/sheet-control.txt 2>/dev/null | tail -n 1
printf '1.1 \033]0;owned\a\r\n' > "$d/new
line.txt"
(cd "$d" && "$ec" grade --key "$k" "new
line.txt" > /dev/null)
$EC grade --key $k "tests/cli/data/no
such	file.txt"
