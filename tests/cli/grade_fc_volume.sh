# Q3.2.1's convention, stated once: the key writes an FC activation as the
# vector (256, 10); the built-in rubric's active alt lines accept the volume
# C x T x H x W (256x1x1x1, 10x1x1x1) too, and the worked answer says exactly
# that. Channels last (1x1x1x256) is another shape: wrong.
awk -F'\t' '$1 == "3.2.1.6.dims" || $1 == "3.2.1.7.dims" { print $1, $2 }' data/answer-key.tsv
for form in '256 10' '256x1x1x1 10x1x1x1' '1x1x1x256 1x1x1x10'; do
	set -- $form
	printf '3.2.1.6.dims %s\n3.2.1.7.dims %s\n' "$1" "$2" | $EC grade - 2>/dev/null |
		grep '^3\.2\.1\.[67]\.dims'
done
# the forms the worked answer names are the rubric's active alternatives
[ "$($EC q3.2.1 | grep -o '[0-9]*x1x1x1' | wc -l)" -eq 2 ] || { echo "the answer names no volume"; exit 1; }
for v in $($EC q3.2.1 | grep -o '[0-9]*x1x1x1'); do
	grep -Eq "^alt 3\.2\.1\.[67]\.dims $v\$" data/rubric || { echo "$v is not an alt line of data/rubric"; exit 1; }
done
[ "$(grep -c '^alt ' data/rubric)" = 2 ] || { echo "data/rubric switches on other alternatives"; exit 1; }
