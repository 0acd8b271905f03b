# make install writes the program, the library, every public header with
# the umbrella examcheck.h, examcheck.pc, the man pages examcheck(1) and
# examcheck-formats(5) and the bash completion; a program built
# with `pkg-config --cflags --libs examcheck` against that copy runs; make
# uninstall removes all of it. Every public header is in the umbrella.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
build=$(dirname "$EC")
for h in include/examcheck/*.h; do
	grep -q "#include \"examcheck/$(basename "$h")\"" include/examcheck.h ||
		{ echo "examcheck.h does not include $h"; exit 1; }
done
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
make -s install BUILD="$build" DESTDIR="$d/root" PREFIX=/usr >/dev/null || { echo "install failed"; exit 1; }
for f in bin/examcheck lib/libexamcheck.a lib/pkgconfig/examcheck.pc include/examcheck.h \
	include/examcheck/ec_roster.h share/man/man1/examcheck.1 share/man/man5/examcheck-formats.5 \
	share/bash-completion/completions/examcheck; do
	[ -f "$d/root/usr/$f" ] || { echo "missing $f"; exit 1; }
done
if [ "$build" = "$PWD/build" ] && command -v pkg-config >/dev/null 2>&1; then
	cat > "$d/p.c" <<'C'
#include <stdio.h>
#include <examcheck.h>
int main(void)
{
	ec_window w = {5, 1, 2, 1};
	uint64_t out;
	ec_error err;
	/* 64 pixels, kernel 5, padding 2, stride 1: (64 + 4 - 4 - 1) / 1 + 1 = 64 */
	if (ec_conv_output_size(64, &w, &out, &err) != EC_OK)
		return 1;
	printf("%llu\n", (unsigned long long)out);
	return 0;
}
C
	flags=$(PKG_CONFIG_PATH="$d/root/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$d/root" \
		pkg-config --cflags --libs examcheck) || { echo "pkg-config failed"; exit 1; }
	cc -std=c11 -o "$d/p" "$d/p.c" $flags || { echo "cannot build against the installed copy"; exit 1; }
	[ "$("$d/p")" = 64 ] || { echo "the program built against examcheck did not print 64"; exit 1; }
fi
if command -v bash >/dev/null 2>&1; then
	# the installed completion asks the installed program
	got=$(PATH="$d/root/usr/bin:$PATH" bash --norc --noprofile -c '
		source "$1" && COMP_WORDS=(examcheck gr) && COMP_CWORD=1 && _examcheck &&
			echo "${COMPREPLY[*]}"' sh "$d/root/usr/share/bash-completion/completions/examcheck")
	[ "$got" = "grade graphconv" ] || { echo "installed completion of 'examcheck gr': '$got'"; exit 1; }
fi
make -s uninstall DESTDIR="$d/root" PREFIX=/usr >/dev/null || { echo "uninstall failed"; exit 1; }
left=$(find "$d/root" -type f)
[ -z "$left" ] || { echo "uninstall left: $left"; exit 1; }
