# Any pooling: A fails for average pooling, B (0 parameters) and D (2x2 pooling halves H, W) fail; C holds
$EC q2.9 | grep -E '^Answer:|inputs get 0|answer would be'
