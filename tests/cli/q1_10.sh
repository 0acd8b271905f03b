$EC q1.10
