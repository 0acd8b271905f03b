$EC variant --seed 4 --format tsv
$EC variant --seed 4 --key --format md
$EC variant --seed 4 q3.9
$EC variant --seed 4 q3.2 --key
$EC variant --seed 4 q3.2 q2.8
$EC variant --seed 4 --bogus
