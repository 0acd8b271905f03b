# Every part of 3.3 from the shipped (reconstructed) figure.
$EC q3.3
