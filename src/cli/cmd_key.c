#include "cli.h"

int cmd_key(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("key: not implemented yet");
	return EC_EXIT_SOFTWARE;
}
