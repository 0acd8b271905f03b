$EC net 'INPUT 3x64x64; banana'
