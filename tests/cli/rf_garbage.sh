$EC rf 'conv3 x7'
