# EXAMCHECK_DATA naming a directory that is not there: an error (66), not
# the built-in graph.
EXAMCHECK_DATA=tests/cli/q3_1_1_fixtures/none $EC q3.1.1
