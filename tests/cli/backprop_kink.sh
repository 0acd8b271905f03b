# Points without a derivative follow the documented conventions and are noted.
# By hand: clamp(10, 1, 10) = 10 is x's branch (1 <= 10 <= 10): d/dx 1;
# max(10, 10) is a tie: the gradient goes to the first argument, x: d/dx 1.
# Output 20, dx = 2, dy = 0.
$EC backprop 'clamp(x, 1, 10) + max(x, y)' x=10 y=10
