# A lone CR ends a record, after a quoted field as after an unquoted one:
# bob keeps the first letter of his name and his own line number (3).
printf 'student,1.1\nann,"T"\rbob,F\r"cy",T\n' |
	$EC grade --key tests/cli/data/key.tsv --roster -
