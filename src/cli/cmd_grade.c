#include "cli.h"

int cmd_grade(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("grade: not implemented yet");
	return EC_EXIT_SOFTWARE;
}
