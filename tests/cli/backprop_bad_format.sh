$EC backprop --format json 'x' x=1
