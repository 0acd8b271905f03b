# Script format: header line then one tab-separated row per layer, '-' where a value does not apply
$EC net --format tsv 'INPUT 3x8x64x64; CONV5-16-p2-s1; POOL2; CONV3-16-p1-s1; POOL2; CONV3-32-p1-s2; FC-256; FC-10'
