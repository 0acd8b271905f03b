# The whole worked answer of 3.1.1 on the stand-in graph (values by hand in
# q3_1_1_answer.sh and tests/test_answers.c): exact forms before decimals of
# at most 6 significant figures, the saturated clamp explained.
$EC q3.1.1
