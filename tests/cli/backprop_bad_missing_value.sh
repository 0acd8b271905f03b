$EC backprop 'x * y' x=1
