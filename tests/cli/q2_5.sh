$EC q2.5
