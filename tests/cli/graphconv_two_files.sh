$EC graphconv data/q3.3.figure data/q3.3.figure
