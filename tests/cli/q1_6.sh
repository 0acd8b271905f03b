$EC q1.6
