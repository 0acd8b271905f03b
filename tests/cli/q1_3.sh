$EC q1.3
