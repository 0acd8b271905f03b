$EC q2.2
