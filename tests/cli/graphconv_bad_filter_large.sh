# A malformed figure file is a data error: FILE:LINE: message, exit 65.
$EC graphconv tests/cli/data/filter_large.figure
