$EC backprop 'n1 + x' x=1
