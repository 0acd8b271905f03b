$EC q2.10
