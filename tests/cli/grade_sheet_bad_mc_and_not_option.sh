# A bad answer in a CRLF sheet: the message names the file, line and item; exit 65.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf 'Q1.1: T\r\n2.1 A and Z\r\n' > "$d/s.txt"
cd "$d" && $EC grade --key "$OLDPWD/tests/cli/data/key-forms.tsv" s.txt
