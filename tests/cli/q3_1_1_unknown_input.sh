EXAMCHECK_DATA=tests/cli/q3_1_1_fixtures/unknown_input $EC q3.1.1
