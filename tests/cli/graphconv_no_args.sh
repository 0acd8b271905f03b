$EC graphconv
