# Answers and ids as students write them (tests/cli/data/sheet-forms.txt)
# against tests/cli/data/key-forms.tsv under the built-in rubric. By hand:
#   1.1 'Q1.1 True.' T right 2; 1.2 'q1.2: (f)' F right 2; 1.3 '1.3) false'
#   wrong -1; 1.4 alone on its line: blank 0.            Section 1: 3/8
#   2.1 'Q2.1) a and c' = AC right 4; 2.2 '(B)(D)' = BD for key B (one
#   correct option: all or nothing) 0.                   Section 2: 4/8
#   3.1.1.x '48 ln 2' = 33.27106467 equals the key: right 1;
#   3.1.1.y '19.1': 3 figures, 19.0903... to 3 figures is 19.1: right 1;
#   3.1.1.n1 '11.10': 4 figures (the trailing 0 counts), 11.0903... to 4
#   figures is 11.09, not 11.10: wrong 0;
#   3.1.1.z U+2212 '8.32': -8.3177... to 3 figures is -8.32: right 1;
#   3.1.1.n4 '2**3' = 8: right 1; 3.1.2 U+2212 '1/4' = -0.25: right 5;
#   3.2.1.1.dims '(16, 8, 64, 64)' right 1; 3.2.1.1.weights '6,000' right 1;
#   3.2.3.1 '1 769 472' right 1; 3.3.3 '010 011 000' right 2.
#                                                      Section 3: 14/15
#   Total 3 + 4 + 14 = 21 of 8 + 8 + 15 = 31.
$EC grade --key tests/cli/data/key-forms.tsv tests/cli/data/sheet-forms.txt
