$EC backprop 'x * y' x=abc y=2
