# The public headers can be used from C++ (their declarations are inside
# extern "C"): a C++ program includes the installed examcheck.h and links
# the installed library (make install DESTDIR=...), grading one answer.
# Without g++ the case is skipped (exit 77, counted as skipped).
command -v g++ >/dev/null 2>&1 || { echo "cxx_headers: no g++, skipped" >&2; exit 77; }
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
# a build of its own (-O0, no sanitizer), whatever build the tests run on
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s install BUILD="$d/build" OPT=-O0 \
	DESTDIR="$d/root" PREFIX=/usr > "$d/make.log" 2>&1 || { cat "$d/make.log"; exit 1; }
cat > "$d/t.cc" <<'CXX'
#include <examcheck.h>
#include <cstdio>
#include <cstring>

int main()
{
	const char rubric[] = "rule 3.* exact\n";
	ec_key key = ec_key();
	ec_rubric r = ec_rubric();
	ec_grader g;
	ec_error err;
	ec_value v;
	ec_verdict verdict;

	ec_error_clear(&err);
	if (ec_key_add(&key, "3.2.3.1", EC_KEY_COUNT, 1, "1769472", &err) != EC_OK ||
	    ec_rubric_parse(&r, rubric, std::strlen(rubric), "rubric", &err) != EC_OK ||
	    ec_grader_init(&g, &key, &r, &err) != EC_OK)
		return 1;
	const char answer[] = "(16 x 64 x 64) x (3 x 3 x 3)";
	if (ec_grader_read(&g, 0, answer, std::strlen(answer), &v, &err) != EC_OK)
		return 1;
	double points = ec_grader_score(&g, 0, &v, &verdict);
	std::printf("%s: %g point (%s)\n", answer, points, ec_verdict_name(verdict));
	ec_grader_free(&g);
	ec_rubric_free(&r);
	ec_key_free(&key);
	return verdict == EC_VERDICT_RIGHT ? 0 : 1;
}
CXX
g++ -std=c++11 -Wall -Wextra -pedantic -Werror -I"$d/root/usr/include" -o "$d/t" "$d/t.cc" \
	"$d/root/usr/lib/libexamcheck.a" -lm -lpthread || exit 1
"$d/t"
