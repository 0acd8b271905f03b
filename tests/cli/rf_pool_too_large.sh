$EC rf 'INPUT 1x3x3 conv3 pool2'
