$EC graphconv tests/cli/data/no-such.figure
