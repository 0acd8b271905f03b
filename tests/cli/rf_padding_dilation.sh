# Padding puts the first field's start inside the padding; dilation widens it
$EC rf 'conv3p1 conv3d2p2 pool2'
