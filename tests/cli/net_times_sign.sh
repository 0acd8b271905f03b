# The sign U+00D7 separates sizes as 'x' does; the layer column keeps what was
# written, aligned by characters. By hand: CONV3-16-p1 on 3x32x32 keeps 32x32,
# weights 16*3*3*3 = 432, macs 16*32*32 * 27 = 442368; POOL2 gives 16x16x16;
# FC-10 has 16*16*16*10 = 40960 weights.
$EC net 'INPUT 3×32×32; CONV3-16-p1; POOL2; FC-10'
# the same numbers as with 'x'
[ "$($EC net --format tsv 'INPUT 3×32×32; CONV3-16-p1; POOL2; FC-10' | cut -f 3-)" = \
  "$($EC net --format tsv 'INPUT 3x32x32; CONV3-16-p1; POOL2; FC-10' | cut -f 3-)" ] || exit 1
$EC rf 'INPUT 3×32×32; CONV3-16-p1; POOL2' | tail -n 1
