$EC q2.6
