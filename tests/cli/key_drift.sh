# The committed data/answer-key.tsv is exactly the key the worked answers
# compute; regenerate it with: build/examcheck key --format tsv > data/answer-key.tsv
$EC key --format tsv > "${TMPDIR:-/tmp}/ec_key_drift.$$" || exit 1
if ! cmp -s "${TMPDIR:-/tmp}/ec_key_drift.$$" data/answer-key.tsv; then
	rm -f "${TMPDIR:-/tmp}/ec_key_drift.$$"
	echo "data/answer-key.tsv differs from 'examcheck key --format tsv':"
	$EC key --check data/answer-key.tsv
	exit 1
fi
rm -f "${TMPDIR:-/tmp}/ec_key_drift.$$"
$EC key --check data/answer-key.tsv >/dev/null
