$EC graphconv data/q3.3.figure --at 3x3
