# The Q3.2 network: shapes, weights, biases, BN parameters, MACs (values checked by hand in tests/test_layers.c)
$EC net 'INPUT 3x8x64x64; CONV5-16-p2-s1; POOL2; CONV3-16-p1-s1; POOL2; CONV3-32-p1-s2; FC-256; FC-10'
