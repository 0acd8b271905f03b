$EC backprop 'x * y' x=1 y=2 x=3
