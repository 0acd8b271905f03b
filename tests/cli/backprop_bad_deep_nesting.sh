# 300 nested parentheses: a clear error, not a stack overflow.
e=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "("; printf "x"; for (i = 0; i < 300; i++) printf ")" }')
$EC backprop "$e" x=1
