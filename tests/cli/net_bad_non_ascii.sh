# A character outside ASCII is quoted whole, bytes that are not UTF-8 as \xNN.
$EC net 'INPUT 3·32'
echo "status $?"
$EC rf "$(printf 'conv3\377')"
echo "status $?"
$EC net "$(printf 'INPUT 3x4\342\211')"
echo "status $?"
