# practice on the original's 3.2.1 (CONV5-16-p2-s1 on 3x8x64x64 first):
# 'hint' prints the worked answer's first paragraph after its heading and
# asks again; 16 x 8 x 64 x 64 (padding 2 keeps 8x64x64; 16 filters) is
# right, 2/7; 2000 weights is wrong (16 x 3 x 5x5x5 = 6000) and named as
# the weight count without the input channels; an answer that cannot be
# read (AZ for a count) is asked again after saying why; 'skip' scores
# 3.2.1.1.biases as blank, 0; a second 'hint' gives the next paragraph
# (layer 1's step); 'quit' ends there: 2/7 = 0.285714 of 6, the item
# quit at and the 17 after it (18 of 21) not asked. Exit status 0.
printf 'hint\n16 x 8 x 64 x 64\n\n2000\nAZ\nskip\nhint\nquit\nnever read\n' |
	$EC practice --seed 0 3.2.1 | sed -n '/^3\.2\.1\.1\.dims?/,$p'
echo "status $?"
