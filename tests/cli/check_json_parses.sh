# The JSON of check parses, and its numbers are those derived by hand:
# 2.8 AC scores 0 of 4 (one correct option, C); 3.2.1.1 with 2000 for the
# weights scores 2/7 + 0 + 2/7 = 4/7 of 3 x 2/7 = 6/7, the mistake named.
# Needs python3: without it the case is skipped (exit status 77).
command -v python3 >/dev/null 2>&1 || { echo "no python3" >&2; exit 77; }
one='import json, sys
o = json.load(sys.stdin)
assert o["points"] == 0 and o["max"] == 4 and o["verdict"] == "wrong", o
assert o["worked"] == "examcheck q2.8" and len(o["reasons"]) >= 2, o
print("ok")'
group='import json, sys
o = json.load(sys.stdin)
assert abs(o["total"] - 4 / 7) < 1e-15 and abs(o["max"] - 6 / 7) < 1e-15, o
w = o["items"][1]
assert w["id"] == "3.2.1.1.weights" and w["verdict"] == "wrong", w
assert "without the input channels" in w["mistake"], w
assert o["items"][0]["mistake"] is None, o
print("ok")'
$EC check --format json 2.8 AC | python3 -c "$one"
$EC check --format json 3.2.1.1 16x8x64x64 2000 16 | python3 -c "$group"
