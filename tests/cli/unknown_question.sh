$EC q3.4
