$EC q1.4
