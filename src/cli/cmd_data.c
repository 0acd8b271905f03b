/*
 * cmd_data.c: `examcheck data`: list the data files built into the
 * program, or print one, so that an installed binary can show its
 * stand-in figures and an instructor can copy and replace them.
 */
#include <string.h>

#include "cli.h"
#include "examcheck/ec_buf.h"
#include "examcheck/ec_exam.h"

static const char data_help[] =
	"usage: examcheck data [NAME]\n"
	"\n"
	"Without NAME, list the data files built into examcheck, one per line:\n"
	"name, standing and what the file is, separated by tabs. The standing is\n"
	"'stand-in' (an invented example in place of a lost figure: the key's\n"
	"items computed from it are right only for it), 'reconstructed' (a lost\n"
	"figure rebuilt to agree with the exam's text, partly invented) or 'exam'\n"
	"(the exam's own). 'examcheck key' and 'examcheck grade' warn when the\n"
	"key has items computed from a stand-in or reconstructed file.\n"
	"\n"
	"With NAME, print the built-in text of that file exactly. To give the real\n"
	"figures, save them as DIR/NAME and set EXAMCHECK_DATA=DIR: every command\n"
	"then reads its data files from DIR (a file left identical to the\n"
	"built-in copy still counts as a stand-in); for a file DIR lacks, the\n"
	"built-in copy is used, with a warning.\n"
	"\n"
	"Exit status: 0 ok, 2 usage or unknown NAME, 74 write error.\n";

static void list(void)
{
	size_t i;

	for (i = 0; i < ec_data_file_count; i++)
		printf("%s\t%s\t%s\n", ec_data_files[i].name,
		       ec_key_origin_name(ec_data_files[i].origin), ec_data_files[i].about);
}

static int unknown(const char *name)
{
	ec_buf names = EC_BUF_INIT;
	char shown[CLI_ECHO_SIZE];
	size_t i;

	for (i = 0; i < ec_data_file_count; i++) {
		const char *sep = i == 0 ? "" : i + 1 == ec_data_file_count ? " or " : ", ";

		ec_buf_appendf(&names, "%s%s", sep, ec_data_files[i].name);
	}
	cli_error("data: no data file '%s' is built in (use %s)", cli_echo(name, shown),
		  ec_buf_str(&names));
	ec_buf_free(&names);
	return EC_EXIT_USAGE;
}

static const cli_opt data_opts[] = {{NULL, 0, NULL, 0}};

int cmd_data(int argc, char **argv)
{
	const char *text, *name = NULL;
	size_t size;
	cli_args it;
	int c;

	cli_args_init(&it, "data", argc, argv, data_opts);
	while ((c = cli_next(&it)) != CLI_END) {
		if (c != CLI_OPERAND)
			return cli_done(&it, c, data_help);
		if (name) {
			char shown[CLI_ECHO_SIZE];

			cli_error("data: unexpected argument '%s' (see 'examcheck data --help')",
				  cli_echo(it.value, shown));
			return EC_EXIT_USAGE;
		}
		name = it.value;
	}
	if (!name) {
		list();
		return EC_EXIT_OK;
	}
	if (!ec_data_builtin(name, &text, &size))
		return unknown(name);
	fwrite(text, 1, size, stdout);
	return EC_EXIT_OK;
}
