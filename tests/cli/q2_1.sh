$EC q2.1
