# Answers written as students write them are read as the values they
# denote; each is the key's value, so each is right. By hand:
# 3.2.3.1 (16 x 64 x 64) x (3 x 3 x 3) = 65536 x 27 = 1769472 multiplications,
# the form 'examcheck q3.2.3' prints; (16, 64, 64) x (3, 3, 3) is the same
# product of two shapes. 3.3.7: 2**3 = 2^3 = 8 layers. 3.2.1.1.weights:
# 16*3*5*5*5 = 48 x 125 = 6000. 3.2.2.1: 32 parameters. 3.3.3: the mask
# 010011000 as a matrix. 3.1.2: -(1/4) = -0.25, an answer after the id
# although it starts with '-'. Last, -ln2 = -0.693... is read (and wrong,
# exit 0), not taken for an unknown option.
for a in "3.2.3.1|(16 x 64 x 64) x (3 x 3 x 3)" "3.2.3.1|(16, 64, 64) x (3, 3, 3)" \
	"3.3.7|2**3" "3.3.7|2^3" "3.3.7|8 layers" "3.2.1.1.weights|16*3*5*5*5" \
	"3.2.1.1.weights|6000 weights" "3.2.2.1|32 parameters" \
	"3.3.3|[[0,1,0],[0,1,1],[0,0,0]]" "3.3.3|[0 1 0; 0 1 1; 0 0 0]" "3.1.2|-(1/4)" \
	"3.1.2|-ln2"; do
	id=${a%%|*}
	answer=${a#*|}
	printf '%s %s: ' "$id" "$answer"
	$EC check "$id" "$answer" | head -n 1
done
