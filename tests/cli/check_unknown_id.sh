# An unknown id names the closest ids (edit distance 1: 2.8) and exits 2.
$EC check 2.88 A
