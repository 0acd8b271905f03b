$EC backprop 'x * y' x=1 y
