$EC q1.8
