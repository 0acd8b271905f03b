# A character outside ASCII is named whole; columns count characters.
$EC backprop 'x × é' x=1
echo "status $?"
$EC backprop "$(printf 'x + \377')" x=1
echo "status $?"
$EC backprop x 'x=½'
echo "status $?"
