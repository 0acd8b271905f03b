$EC backprop 'x' x=1 --format
