$EC q1.2
