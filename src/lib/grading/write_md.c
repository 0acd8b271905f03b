/*
 * write_md.c: the Markdown writer: a question paper (its text reads as
 * Markdown already; headings get '#').
 */
#include "writer.h"

static ec_status paper_begin(ec_write_ctx *w, const ec_paper *p)
{
	return write_paper_begin(w, p, true);
}

static ec_status paper_question(ec_write_ctx *w, const ec_paper *p, size_t i)
{
	return write_paper_question(w, p, i, true);
}

const ec_writer ec_writer_md = {
	.name = "md",
	.paper = {paper_begin, paper_question, NULL},
};
