# Pixels and weights are decimal: '0x10', which strtod would read as 16, is
# refused at its line.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '# hex\nimage 2 2\n1 2\n3 0x10\nfilter 1 1\n1\nedges\nat 1 1\n' > "$d/f.figure"
cd "$d" && $EC graphconv f.figure
