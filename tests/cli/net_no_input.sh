$EC net conv3-16
