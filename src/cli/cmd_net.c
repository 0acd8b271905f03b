#include "cli.h"

int cmd_net(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("net: not implemented yet");
	return EC_EXIT_SOFTWARE;
}

int cmd_rf(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("rf: not implemented yet");
	return EC_EXIT_SOFTWARE;
}
