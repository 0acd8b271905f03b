# Q2.8's net in short forms: rf 3, 5, 9, 17, 21 (see tests/test_receptive_field.c)
$EC rf conv3s1 conv3s2 conv3s2 conv3s1 pool2s2
