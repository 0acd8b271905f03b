/*
 * check.c: what the checked-answer document needs beyond its writers.
 */
#include "examcheck/ec_check.h"

const char *ec_check_verdict_name(ec_verdict verdict)
{
	switch (verdict) {
	case EC_VERDICT_PARTIAL:
		return "partly right";
	case EC_VERDICT_MANUAL:
		return "graded by hand";
	case EC_VERDICT_RIGHT:
	case EC_VERDICT_WRONG:
	case EC_VERDICT_BLANK:
	case EC_VERDICT_UNREADABLE:
		break;
	}
	return ec_verdict_name(verdict);
}
