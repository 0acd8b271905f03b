# ... while --format tsv, two lines whatever the expression, still works:
# the sum of 4700 a's is 4700 a, its gradient 4700.
ex=$(awk 'BEGIN { t = "abcdefghijklmnopqrst"; s = t; for (i = 1; i < 4700; i++) s = s "+" t; print s }')
$EC backprop --format tsv "$ex" abcdefghijklmnopqrst=1
