# bash completion for examcheck: commands, question ids, the options of each
# command and their values, and file names where a file is expected.
# 'make install' puts it in $(PREFIX)/share/bash-completion/completions/.
#
# What to offer comes from the program itself, so that it cannot drift:
#   examcheck --completion-helper      the global options, then the commands
#   examcheck CMD --completion-helper  the options of CMD, one a line; one
#                                      that takes a value has a tab and the
#                                      value's name: FILE, DIR, ROW,COL or
#                                      the words it takes (text|tsv)
#   examcheck list                     the question ids (first field)
#   examcheck data                     the built-in data files (first field)

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

# Complete the value of an option whose value is named $1.
_examcheck_value()
{
	local w
	case $1 in
	FILE) compopt -o filenames 2>/dev/null
		while IFS= read -r w; do COMPREPLY+=("$prefix$w"); done < <(compgen -f -- "$cur") ;;
	DIR) compopt -o filenames 2>/dev/null
		while IFS= read -r w; do COMPREPLY+=("$prefix$w"); done < <(compgen -d -- "$cur") ;;
	*'|'*)
		local IFS='|'
		for w in $1; do [[ $w == "$cur"* ]] && COMPREPLY+=("$prefix$w"); done ;;
	esac
}

_examcheck()
{
	local prog=${COMP_WORDS[0]/#\~/$HOME} cur=${COMP_WORDS[COMP_CWORD]}
	local prefix='' cmd='' at=0 i w name hint value='' operands=0 only=''
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
		elif [[ -n $only ]]; then
			((operands++))
		elif [[ $w == -- ]]; then
			only=1
		elif [[ $w == = ]]; then
			value=skip # --name=VALUE split by bash at '=': VALUE is next
		elif [[ ${COMP_WORDS[i + 1]} == = ]]; then
			: # the --name of --name=VALUE
		elif [[ $w == -?* ]]; then
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
