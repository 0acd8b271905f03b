EXAMCHECK_DATA=tests/cli/q3_1_1_fixtures/none $EC q3.1.1
