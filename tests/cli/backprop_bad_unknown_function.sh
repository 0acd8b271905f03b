$EC backprop 'foo(x) + 1' x=1
