$EC key --format tsv --check data/answer-key.tsv
