$EC backprop '1 + log(x)' x=0
