# The same list given as separate arguments, short forms, and --format=tsv
$EC net --format=tsv INPUT 1x32x32 conv5-6 pool2 fc10
