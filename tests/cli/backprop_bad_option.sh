$EC backprop --frobnicate 'x' x=1
