# help takes one COMMAND.
$EC help grade key
