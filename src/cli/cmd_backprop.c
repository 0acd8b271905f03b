#include "cli.h"

int cmd_backprop(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("backprop: not implemented yet");
	return EC_EXIT_SOFTWARE;
}
