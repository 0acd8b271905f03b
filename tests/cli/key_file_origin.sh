# A key file may give origins in a fifth field (tests/cli/data/key-origin.tsv):
# the warning and the json follow it; tsv writes four fields. Points: 5/7
# (0.714286) for 3.1.1.x, the same for 3.1.1.y, which names no file, and 4
# for 3.3.1: 5/7 + 5/7 + 4 = 38/7 = 5.428571. A four-field key file has no
# origins: no warning.
k=tests/cli/data/key-origin.tsv
$EC key --key $k --format json
$EC key --key $k --format tsv 2>/dev/null
$EC key --key tests/cli/data/key.tsv >/dev/null
