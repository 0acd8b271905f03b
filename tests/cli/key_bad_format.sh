$EC key --format yaml
