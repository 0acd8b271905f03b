/*
 * feedback_dir.h: grade --feedback DIR: one report per student, written
 * into DIR and nowhere else.
 */
#ifndef EC_FEEDBACK_DIR_H
#define EC_FEEDBACK_DIR_H

#include <stdbool.h>

#include "examcheck/ec_exam.h"
#include "examcheck/ec_feedback.h"

/** The directory and what its files need. Zero-initialise; open with fbdir_open(). */
typedef struct fbdir {
	bool open;
	const char *path;           /* as given */
	int fd;                     /* the directory, for openat() and renameat() */
	const char **questions;     /* ids of the worked answers */
	size_t nquestions;
	ec_feedback docs[EC_ROSTER_GRADERS_MAX];  /* a key's each (ec_roster_row.grader) */
	ec_reasons reasons[EC_ROSTER_GRADERS_MAX]; /* the "why:" lines of its reports */
	size_t ndocs;               /* docs[0, ndocs) are set */
	ec_feedback_names names;
	unsigned long serial;       /* of the next temporary name */
	int status;                 /* the exit status of a failure, after its message */
	ec_buf text;                /* the report being written */
	bool no_unnamed;            /* files without a name (O_TMPFILE) cannot be linked in here */
} fbdir;

/**
 * Create DIR (mode 0777 less the umask) unless it exists, and open it.
 * Returns EC_EXIT_OK, or 74 after a message.
 */
int fbdir_open(fbdir *d, const char *path);

/**
 * Prepare the reports of the students graded with h->graded_with, a key
 * of `exam` (whose numbers their reasons and worked answers name), for a
 * roster with header `h`; false (d->status set) on failure.
 */
bool fbdir_header(fbdir *d, ec_exam *exam, const ec_roster_header *h);

/**
 * Write the student's report as DIR/NAME.txt (ec_feedback_name()): to a
 * new temporary file in DIR, then renamed over NAME.txt. A regular file
 * already there (an earlier run's) is replaced; anything else (a symbolic
 * link, a directory) is left alone and stops the run. False, after a
 * message naming the file and with d->status set (74), on failure.
 */
bool fbdir_student(fbdir *d, const ec_roster_row *row);

/** Close the directory and free the state (nothing when it was never opened). */
void fbdir_close(fbdir *d);

#endif
