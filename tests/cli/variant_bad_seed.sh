$EC variant --seed 9223372036854775808
$EC variant --seed -3
$EC variant --seed 12x
$EC variant --seed
$EC variant q3.2
