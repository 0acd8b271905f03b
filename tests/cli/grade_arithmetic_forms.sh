# The forms of check_answer_forms in a sheet and in a roster, graded with
# tests/cli/data/key-forms.tsv: 3.2.3.1 (1 point) (16 x 64 x 64) x (3 x 3 x 3)
# = 1769472; 3.2.1.1.weights (1) 2**4 * 3 * 5**3 = 16 x 3 x 125 = 6000 and
# 6000 weights; 3.3.3 (2) the mask 010011000 as a matrix; 3.1.2 (5)
# -(1/4). All right: 1 + 1 + 2 + 5 = 9 points, section 3 (the other items
# of the key are blank: 0, true/false blanks score 0 in the built-in rubric).
# The second student writes 2**3 for 3.2.3.1 (8: wrong, 0) and the mask
# with a row too many (12 digits: wrong, 0); his 16*3*5*5*5 = 6000 weights
# and -0.25 are right: 1 + 5 = 6.
printf '%s\n' '3.2.3.1 (16 x 64 x 64) x (3 x 3 x 3)' '3.2.1.1.weights 2**4 * 3 * 5**3' \
	'3.3.3 [0 1 0; 0 1 1; 0 0 0]' '3.1.2 -(1/4)' |
	$EC grade --key tests/cli/data/key-forms.tsv --format json - | sed -n 's/^{"sheet": "-", "total": \([^,]*\),.*/total \1/p'
printf '%s\n' 'student,3.2.3.1,3.2.1.1.weights,3.3.3,3.1.2' \
	'ann,(16 x 64 x 64) x (3 x 3 x 3),6000 weights,"[[0,1,0],[0,1,1],[0,0,0]]",-(1/4)' \
	'bob,2**3,16*3*5*5*5,"[0 1 0; 0 1 1; 0 0 0; 1 1 1]",-0.25' |
	$EC grade --key tests/cli/data/key-forms.tsv --roster -
