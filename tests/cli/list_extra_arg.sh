$EC list q1
