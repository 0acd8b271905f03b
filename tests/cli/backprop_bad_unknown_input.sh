$EC backprop 'x * y' x=1 y=2 z=3
