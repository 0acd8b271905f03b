$EC graphconv data/q3.3.figure --at 6,1
