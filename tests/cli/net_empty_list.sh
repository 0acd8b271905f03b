$EC net ' ; '
