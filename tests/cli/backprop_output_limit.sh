# A chain a+a+...+a of 4700 terms of 20 letters (98699 bytes) would print its
# 4700 nodes each with its text. By hand: the k-th '+' node spans k+1 terms
# and k signs, 21k + 20 bytes; with the input's 20 the texts sum to
# 20 + 21 * 4699 * 4700 / 2 + 20 * 4699 = 231989650 bytes, and each line's
# columns (20 + 5 + 5 + 8 wide, four 2-space gaps, '\n') add 47 * 4700 =
# 220900: 232210550 bytes. The text output is refused (one line, 65)...
ex=$(awk 'BEGIN { t = "abcdefghijklmnopqrst"; s = t; for (i = 1; i < 4700; i++) s = s "+" t; print s }')
$EC backprop "$ex" abcdefghijklmnopqrst=1
