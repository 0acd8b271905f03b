# --format json is one object: seed and questions (id, points, text,
# params); no key (the sheet is the students' copy: the key is
# 'variant --key --format json'). The leaves' points add up to 100. Needs
# python3: without it the case is skipped.
command -v python3 >/dev/null 2>&1 || { echo "no python3: skipped" >&2; exit 77; }
$EC variant --seed 7 --format json | python3 -c '
import json, sys
def refuse(c):
    sys.exit("not JSON: " + c)
d = json.load(sys.stdin, parse_constant=refuse)
q = {x["id"]: x for x in d["questions"]}
print(sorted(d.keys()), d["seed"], len(d["questions"]))
print(sorted(d["questions"][0].keys()))
print(q["3.2"]["params"])
print(q["2.8"]["params"]["layers"])
print(q["3.1.2"]["params"])
print(q["3.3"]["params"]["figure"].splitlines()[4:6])
print(sum(x["points"] for x in d["questions"] if x["id"].count(".") >= 1 and x["id"] not in ("3.1", "3.2", "3.3")), q["3.2.1"]["points"])
'
$EC variant --seed 0 --format json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["seed"], "key" in d, [x["params"] for x in d["questions"] if x["id"] == "2.7"])'
