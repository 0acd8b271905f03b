$EC data --help | head -n 1
$EC data -h | grep -q EXAMCHECK_DATA
