$EC backprop '2**' x=1
