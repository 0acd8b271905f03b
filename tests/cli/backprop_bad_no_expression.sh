$EC backprop --format tsv
