$EC --version
