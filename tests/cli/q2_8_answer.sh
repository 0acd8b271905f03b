# Receptive fields 3, 5, 9, 17, 21: only C (17x17 at layer iv) holds
$EC q2.8 | grep -E '^Answer:|: (true|false)\.$'
