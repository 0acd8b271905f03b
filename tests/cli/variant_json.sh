# --format json is one object: seed, questions (id, points, text, params)
# and key (as key --format json). Needs python3: without it the case is
# skipped (exit status 77).
command -v python3 >/dev/null 2>&1 || { echo "no python3" >&2; exit 77; }
$EC variant --seed 7 --format json | python3 -c '
import json, sys
def refuse(c):
    sys.exit("not JSON: " + c)
d = json.load(sys.stdin, parse_constant=refuse)
q = {x["id"]: x for x in d["questions"]}
print(d["seed"], len(d["questions"]), len(d["key"]))
print(sorted(d["questions"][0].keys()), sorted(d["key"][0].keys()))
print(q["3.2"]["params"])
print(q["2.8"]["params"]["layers"])
print(q["3.1.2"]["params"])
print(q["3.3"]["params"]["figure"].splitlines()[4:6])
print(round(sum(x["points"] for x in d["key"]), 9), q["3.2.1"]["points"])
'
$EC variant --seed 0 --format json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["seed"], [k for k in d["key"] if k["id"] == "3.3.1"])'
