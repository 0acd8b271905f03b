# The worked answers of variant 7's questions 3.1.2 and 2.8.
$EC variant --seed 7 q3.1.2
$EC variant --seed 7 Q2.8
