# An answer check cannot read: Z is not an option of 2.10 (A-D): verdict
# unreadable, 0 points, the reader's message on standard error, status 65.
$EC check 2.10 AZ
