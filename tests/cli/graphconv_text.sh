# The text output of the shipped figure.
$EC graphconv data/q3.3.figure
