# check --format json: one object, and for a group (3.2.2: BN parameters
# 2C = 32, 32, 64 after the three convolutions) one object with items.
# 64 for the second is 2C learned + 2C running = 64: the running-statistics
# mistake; '' is a blank answer. Points 1 + 0 + 0 = 1 of 3.
$EC check --format json 2.8 AC
$EC check --format json 3.2.2 32 64 ''
