$EC q1.9
