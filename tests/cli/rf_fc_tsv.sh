# With INPUT, FC layers act as convolutions as large as their input
$EC rf --format tsv 'INPUT 3x8x8; conv3-16p1; pool2; fc-10; fc-2'
