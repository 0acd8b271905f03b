# The single parts print the same as the group.
for p in 1 2 3 4 5 6 7; do $EC q3.3.$p; [ $p = 7 ] || echo; done | cmp -s - tests/cli/q3_3.out || { echo "q3.3.N differs from q3.3"; exit 1; }
