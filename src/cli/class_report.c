/*
 * class_report.c: the class behind grade --stats and --report.
 */
#include "class_report.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "examcheck/ec_buf.h"
#include "examcheck/ec_writer.h"
#include "gradeio.h"
#include "output.h"

static int compute_facts(void *arg)
{
	cli_class *cc = arg;

	cc->facts_status = cli_reasons_init(&cc->reasons, cc->exam);
	return 0;
}

/* Wait for the facts; their exit status. */
static int facts_done(cli_class *cc)
{
	if (cc->facts_running) {
		thrd_join(cc->facts, NULL);
		cc->facts_running = false;
	}
	return cc->facts_status;
}

int cli_class_open(cli_class *cc, const ec_grader *const *graders, size_t n,
		   const uint64_t *variants, const ec_grader *exam, const char *roster, int argc,
		   char **argv)
{
	ec_class_options o;
	ec_buf cmd = EC_BUF_INIT;
	ec_error err;
	size_t k;
	int i, rc = EC_EXIT_OK;

	memset(cc, 0, sizeof(*cc));
	ec_buf_append(&cmd, "examcheck");
	for (i = 0; i < argc; i++) {
		ec_buf_append(&cmd, " ");
		ec_buf_append_shell_word(&cmd, argv[i]);
	}
	cc->command = cmd.data;
	memset(&o, 0, sizeof(o));
	o.graders = graders;
	o.ngraders = n;
	o.variants = variants;
	o.roster = roster;
	o.command = cc->command;
	for (k = 0; exam && k < n && !cc->exam; k++) {
		if (graders[k] == exam) {
			cc->exam = exam;
			o.mistake = cli_mistake;
			o.mistake_ctx = &cc->reasons;
			cc->facts_running = thrd_create(&cc->facts, compute_facts, cc) == thrd_success;
			if (!cc->facts_running)
				compute_facts(cc);
		}
	}
	ec_error_clear(&err);
	if (rc == EC_EXIT_OK && (!cc->command || ec_class_new(&cc->cls, &o, &err) != EC_OK)) {
		cli_error("grade: out of memory");
		rc = EC_EXIT_SOFTWARE;
	}
	return rc;
}

int cli_class_finish(cli_class *cc, const ec_roster_summary *sum)
{
	ec_error err;
	int rc = facts_done(cc);

	if (rc != EC_EXIT_OK)
		return rc;
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

void cli_class_free(cli_class *cc)
{
	facts_done(cc);
	ec_class_free(cc->cls);
	cli_reasons_free(&cc->reasons);
	free(cc->command);
	memset(cc, 0, sizeof(*cc));
}
