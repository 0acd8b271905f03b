$EC q1.7
