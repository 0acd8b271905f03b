$EC q1.1
