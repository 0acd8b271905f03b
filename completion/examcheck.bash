# bash completion for examcheck: commands, question ids, item ids after
# check, the options of each command and their values (of --format, only
# what the command accepts), and file names where a file is expected.
# 'make install' puts it in $(PREFIX)/share/bash-completion/completions/.
#
# What to offer comes from the program itself, so that it cannot drift:
#   examcheck --completion-helper      the global options, then the commands
#   examcheck CMD --completion-helper  the options of CMD, one a line; one
#                                      that takes a value has a tab and the
#                                      value's name: FILE, DIR, ROW,COL or
#                                      the words it takes (text|tsv), then
#                                      maybe pairs of a tab, a flag and a
#                                      tab and the words it takes when that
#                                      flag is given (grade's --format:
#                                      text|json|gradescope, with --roster
#                                      csv|json)
#   examcheck list                     the question ids (first field)
#   examcheck data                     the built-in data files (first field)
#   examcheck key --format tsv         the item ids of the key (first
#                                      field), for check; with --variant N
#                                      or --key FILE typed, that key's ids

# Add to COMPREPLY the first field of each line that the command "${@:2}"
# prints when it starts with $cur: with $1 = -, only words that start with
# '-'; with $1 = +, only the others.
_examcheck_add()
{
	local only=$1 word _
	shift
	while IFS=$'\t' read -r word _; do
		case $only in
		-) [[ $word == -* ]] || continue ;;
		+) [[ $word == -* ]] && continue ;;
		esac
		[[ $word == "$cur"* ]] && COMPREPLY+=("$prefix$word")
	done < <("$@" 2>/dev/null)
}

# Whether the flag $1 is among the words typed after the command (before a --).
_examcheck_typed()
{
	local k
	for ((k = at + 1; k < ${#COMP_WORDS[@]}; k++)); do
		((k == COMP_CWORD)) && continue
		[[ ${COMP_WORDS[k]} == -- ]] && return 1
		[[ ${COMP_WORDS[k]} == "$1" || ${COMP_WORDS[k]} == "$1"=* ]] && return 0
	done
	return 1
}

# Complete the value of an option whose value is named $1: "WORDS", or
# "WORDS<TAB>--flag<TAB>WORDS2..." for WORDS2 when --flag was typed.
_examcheck_value()
{
	local w spec=$1 k
	local -a parts
	if [[ $spec == *$'\t'* ]]; then
		IFS=$'\t' read -ra parts <<<"$spec"
		spec=${parts[0]}
		for ((k = 1; k + 1 < ${#parts[@]}; k += 2)); do
			_examcheck_typed "${parts[k]}" && spec=${parts[k + 1]}
		done
	fi
	case $spec in
	FILE) compopt -o filenames 2>/dev/null
		while IFS= read -r w; do COMPREPLY+=("$prefix$w"); done < <(compgen -f -- "$cur") ;;
	DIR) compopt -o filenames 2>/dev/null
		while IFS= read -r w; do COMPREPLY+=("$prefix$w"); done < <(compgen -d -- "$cur") ;;
	*'|'*)
		local IFS='|'
		for w in $spec; do [[ $w == "$cur"* ]] && COMPREPLY+=("$prefix$w"); done ;;
	esac
}

# Complete an item id of the key (of --variant N, or of --key FILE, when
# typed) a level at a time, as a path: "2." offers 2.1 ... 2.10, "3.2."
# offers 3.2.1 3.2.2 3.2.3; a word that is already a group ("3.2.1")
# offers its parts.
_examcheck_ids()
{
	local -a src=("$prog" key --format tsv) ids=() found=()
	local id dots level
	[[ -n $variant ]] && src=("$prog" variant --seed "$variant" --key --format tsv)
	[[ -n $keyfile ]] && src=("$prog" key --key "$keyfile" --format tsv)
	while IFS=$'\t' read -r id _; do
		[[ $id == "$cur"* ]] && ids+=("$id")
	done < <("${src[@]}" 2>/dev/null)
	dots=${cur//[!.]/}
	level=$((${#dots} + 1))
	_examcheck_cut
	# the one word found is what was typed: a group offers its parts
	if ((${#found[@]} == 1)) && [[ ${found[0]} == "$cur" ]]; then
		((level++))
		_examcheck_cut
	fi
	COMPREPLY+=("${found[@]}")
}

# found=(): the ids (of _examcheck_ids) cut to their first $level parts, each once.
_examcheck_cut()
{
	local id cut j
	local -a parts
	found=()
	for id in "${ids[@]}"; do
		IFS=. read -ra parts <<<"$id"
		cut=${parts[0]}
		for ((j = 1; j < level && j < ${#parts[@]}; j++)); do
			cut+=.${parts[j]}
		done
		[[ " ${found[*]} " == *" $cut "* ]] || found+=("$cut")
	done
}

_examcheck()
{
	local prog=${COMP_WORDS[0]/#\~/$HOME} cur=${COMP_WORDS[COMP_CWORD]}
	local prefix='' cmd='' at=0 i w name hint value='' operands=0 only=''
	local last='' variant='' keyfile=''
	local -a names=() hints=()
	COMPREPLY=()

	# The command: the first word that is not an option (none of
	# examcheck's own options takes a value).
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ $w == -- ]]; then
			((i + 1 < COMP_CWORD)) && { cmd=${COMP_WORDS[i + 1]}; at=$((i + 1)); }
			break
		fi
		[[ $w == -* ]] || { cmd=$w; at=$i; break; }
	done
	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			_examcheck_add - "$prog" --completion-helper
		else
			_examcheck_add + "$prog" --completion-helper
			_examcheck_add + "$prog" list
		fi
		return 0
	fi

	while IFS=$'\t' read -r name hint; do
		names+=("$name")
		hints+=("$hint")
	done < <("$prog" "$cmd" --completion-helper 2>/dev/null)

	# Walk the words after the command: an option that takes a value
	# takes the next word; after -- every word is an operand.
	for ((i = at + 1; i <= COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if ((i == COMP_CWORD)); then
			break
		elif [[ -n $value ]]; then
			value=''
			[[ $last == --variant ]] && variant=$w
			[[ $last == --key ]] && keyfile=$w
		elif [[ -n $only ]]; then
			((operands++))
		elif [[ $w == -- ]]; then
			only=1
		elif [[ $w == = ]]; then
			value=skip # --name=VALUE split by bash at '=': VALUE is next
		elif [[ ${COMP_WORDS[i + 1]} == = ]]; then
			last=$w # the --name of --name=VALUE
		elif [[ $w == -?* ]]; then
			last=$w
			value=$(_examcheck_hint "$w")
		else
			((operands++))
		fi
	done

	# --name=VALUE: bash splits the word at '=' (it is in COMP_WORDBREAKS)
	if [[ $cur == = ]]; then
		value=$(_examcheck_hint "${COMP_WORDS[COMP_CWORD - 1]}")
		cur=''
	elif [[ ${COMP_WORDS[COMP_CWORD - 1]} == = ]] && ((COMP_CWORD >= 2)); then
		value=$(_examcheck_hint "${COMP_WORDS[COMP_CWORD - 2]}")
	elif [[ -z $value && -z $only && $cur == --*=* ]]; then
		value=$(_examcheck_hint "${cur%%=*}")
		prefix=${cur%%=*}=
		cur=${cur#*=}
	elif [[ -z $value && -z $only && $cur == -[!-]?* ]]; then
		hint=$(_examcheck_hint "${cur:0:2}")
		[[ -n $hint ]] && { value=$hint; prefix=${cur:0:2}; cur=${cur:2}; }
	fi

	if [[ -n $value ]]; then
		_examcheck_value "$value"
	elif [[ -z $only && $cur == -* ]]; then
		for name in "${names[@]}"; do
			[[ $name == "$cur"* ]] && COMPREPLY+=("$name")
		done
	else
		case $cmd in
		grade | graphconv) _examcheck_value FILE ;;
		check) ((operands == 0)) && _examcheck_ids ;;
		practice) _examcheck_add + "$prog" list ;;
		data) ((operands == 0)) && _examcheck_add + "$prog" data ;;
		help) ((operands == 0)) && {
			_examcheck_add + "$prog" --completion-helper
			_examcheck_add + "$prog" list
		} ;;
		esac
	fi
	return 0
}

# The value name of the option $1 ("--key", "-o") of the current command,
# empty for a flag or an unknown option (reads names and hints).
_examcheck_hint()
{
	local k
	for k in "${!names[@]}"; do
		[[ ${names[k]} == "$1" ]] && { printf '%s\n' "${hints[k]}"; return; }
	done
}

complete -F _examcheck examcheck
