$EC net
