$EC frobnicate
