EXAMCHECK_DATA=tests/cli/q3_1_1_fixtures/missing_value $EC q3.1.1
