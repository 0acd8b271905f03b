$EC backprop 'x + 1)' x=1
