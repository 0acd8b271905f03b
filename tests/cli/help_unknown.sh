# help of a command that does not exist: the usual message, exit 2.
$EC help frobnicate
