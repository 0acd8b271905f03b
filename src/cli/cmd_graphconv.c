#include "cli.h"

int cmd_graphconv(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("graphconv: not implemented yet");
	return EC_EXIT_SOFTWARE;
}
