# --at moves the filter: at (1,1) the patch is [0 0 0; 0 1 0; 0 2 1], W centre 1 and
# bottom-right 2: plain 1 + 2 = 3; x11 is joined to x21 and x22 only, so masked is 3 too.
# Column 1 has no pixel to its left: mask_left is -.
$EC graphconv --at 1,1 --format=tsv data/q3.3.figure
