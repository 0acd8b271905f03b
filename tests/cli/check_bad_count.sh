# A group takes one answer per item: 3.2.2 has three, two given: status 2.
$EC check 3.2.2 32 64
