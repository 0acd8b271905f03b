$EC q2.3
