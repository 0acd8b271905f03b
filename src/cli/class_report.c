/*
 * class_report.c: the class behind grade --stats and --report.
 */
#include "class_report.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "examcheck/ec_buf.h"
#include "examcheck/ec_writer.h"
#include "gradeio.h"
#include "output.h"

int cli_class_open(cli_class *cc, ec_versions *versions, const char *roster, int argc,
		   char **argv, unsigned roster_threads)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	ec_class_options o;
	ec_buf cmd = EC_BUF_INIT;
	ec_error err;
	int i;

	memset(cc, 0, sizeof(*cc));
	ec_buf_append(&cmd, "examcheck");
	for (i = 0; i < argc; i++) {
		ec_buf_append(&cmd, " ");
		ec_buf_append_shell_word(&cmd, argv[i]);
	}
	cc->command = cmd.data;
	memset(&o, 0, sizeof(o));
	o.roster = roster;
	o.command = cc->command;
	/*
	 * A thread of the class's own only where a CPU is left beside the
	 * roster's: on two CPUs a third thread only takes turns with them
	 * (bench/README.md).
	 */
	o.threads = cpus > (long)roster_threads ? 0 : 1;
	o.mistake = ec_versions_mistake;
	o.mistake_ctx = versions;
	ec_error_clear(&err);
	if (!cc->command || ec_class_new(&cc->cls, &o, &err) != EC_OK) {
		cli_error("grade: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	return EC_EXIT_OK;
}

int cli_class_finish(cli_class *cc, const ec_roster_summary *sum)
{
	ec_error err;

	ec_error_clear(&err);
	if (ec_class_finish(cc->cls, sum, &err) != EC_OK) {
		cli_error("grade: %s", err.msg);
		return gio_exit_for(err.status);
	}
	return EC_EXIT_OK;
}

int cli_class_report(cli_class *cc, const char *path)
{
	cli_output out;
	ec_error err;
	int rc = cli_output_open(&out, "grade", path);

	if (rc != EC_EXIT_OK)
		return rc;
	ec_error_clear(&err);
	if (ec_write_class(out.f, ec_writer_get(EC_FORMAT_HTML), cc->cls, &err) != EC_OK) {
		cli_error("grade: %s", err.msg);
		cli_output_abort(&out);
		return gio_exit_for(err.status);
	}
	return cli_output_commit(&out);
}

int cli_class_stats(const cli_class *cc, FILE *f, ec_format format)
{
	const ec_stats *blocks[EC_ROSTER_GRADERS_MAX];
	const ec_answer_groups *groups[EC_ROSTER_GRADERS_MAX];
	uint64_t seeds[EC_ROSTER_GRADERS_MAX];
	size_t k, j, n = 0, parts = ec_class_parts(cc->cls);
	const ec_class_part *first = parts ? ec_class_part_get(cc->cls, 0) : NULL;
	ec_error err;
	ec_status st;

	if (!first || !first->seen) /* no header: nothing was read */
		return EC_EXIT_OK;
	for (k = 0; k < parts; k++) {
		const ec_class_part *p = ec_class_part_get(cc->cls, k);

		/* the exam's own block only when it graded someone, or nobody was graded */
		if (!p->seen || (p->stats.n == 0 && (k > 0 || parts > 1)))
			continue;
		for (j = n++; j > 0 && seeds[j - 1] > p->variant; j--) {
			seeds[j] = seeds[j - 1];
			blocks[j] = blocks[j - 1];
			groups[j] = groups[j - 1];
		}
		seeds[j] = p->variant;
		blocks[j] = &p->stats;
		groups[j] = p->groups;
	}
	if (n == 0) { /* a variant column, and nobody graded */
		seeds[0] = first->variant;
		blocks[0] = &first->stats;
		groups[0] = first->groups;
		n = 1;
	}
	ec_error_clear(&err);
	st = first->has_variant
		     ? ec_write_stats_versions(f, ec_writer_get(format), blocks, groups, seeds, n, &err)
		     : ec_write_stats_groups(f, ec_writer_get(format), blocks[0], groups[0], &err);
	if (st != EC_OK) {
		cli_error("grade: %s", err.msg);
		return gio_exit_for(err.status);
	}
	return EC_EXIT_OK;
}

void cli_class_free(cli_class *cc)
{
	ec_class_free(cc->cls);
	free(cc->command);
	memset(cc, 0, sizeof(*cc));
}
