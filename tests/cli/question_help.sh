# 'examcheck ID --help' explains the question command, whatever the id's
# form, even for an id that names no question; -h is the same.
$EC q3.2 --help
$EC Q9.9 -h | cmp -s - tests/cli/question_help.out || echo "Q9.9 -h differs"
$EC 3.2 --help | cmp -s - tests/cli/question_help.out || echo "3.2 --help differs"
