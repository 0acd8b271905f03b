$EC q1.5
