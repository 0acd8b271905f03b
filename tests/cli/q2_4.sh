$EC q2.4
