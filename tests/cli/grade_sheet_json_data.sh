# A sheet's json marks the same items as the key's json, whatever was
# answered: 3.1.1.z (10 - 20 ln 2) and 3.3.3 (010011000) are right, the others blank.
printf '3.1.1.z 10 - 20 ln 2\n3.3.3 010011000\n1.1 T\n' | $EC grade --format json - 2>/dev/null |
	sed -n 's/^  {"id": "\([^"]*\)".*"verdict": "\([^"]*\)".*, "data": "\([^"]*\)", "data_file": "\([^"]*\)"}.*$/\1 \2 \3 \4/p'
