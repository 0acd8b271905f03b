EXAMCHECK_DATA=tests/cli/q3_1_1_fixtures/bad_expr $EC q3.1.1
