$EC backprop 'clamp(x,1)' x=1
