$EC graphconv data/q3.3.figure --frobnicate
