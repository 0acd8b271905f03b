# A malformed figure named by EXAMCHECK_DATA is a data error with FILE:LINE.
EXAMCHECK_DATA=tests/cli/data/q3_3_bad $EC q3.3.1
