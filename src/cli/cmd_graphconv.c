/*
 * cmd_graphconv.c: `examcheck graphconv FILE [--at r,c] [--format text|tsv]`,
 * the masked spatial-graph convolution of exam question 3.3 on a figure file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_spatial_graph.h"
#include "examcheck/ec_utf8.h"
#include "cli.h"

#define MAX_CELLS (EC_SG_MAX_FILTER * EC_SG_MAX_FILTER)

static const char help_text[] =
	"usage: examcheck graphconv FILE [--at ROW,COL] [--format text|tsv]\n"
	"\n"
	"Masked convolution over a 2D spatial graph (question 3.3). FILE holds an\n"
	"image, a filter, the graph's edges and the filter location (format in\n"
	"examcheck-formats(5); 'examcheck data q3.3.figure' prints an example).\n"
	"Prints the graph as text art, the patch, filter and mask at the location,\n"
	"the plain response X~ . W and the masked response X~ . (W (.) M) with\n"
	"their sums written out, the mask one pixel to the left, and how many\n"
	"stacked layers it takes for every node to see its whole connected\n"
	"component.\n"
	"\n"
	"Options:\n"
	"  --at ROW,COL   filter location (1-indexed), instead of the file's 'at'\n"
	"  --format tsv   lines NAME<TAB>VALUE: plain, masked, mask (mask digits,\n"
	"                 row-major), mask_left (digits, or - in column 1),\n"
	"                 layers (a number, or 'never' when no stack covers the\n"
	"                 graph, possible only with 'self 0')\n"
	"  -h, --help     print this help and exit\n"
	"\n"
	"Exit status: 0 success, 2 usage error (bad option, --at outside the\n"
	"image), 65 malformed figure file (FILE:LINE: message), 66 FILE cannot be\n"
	"opened or is a directory, 74 read error.\n";

enum { OPT_AT, OPT_FORMAT };

static const cli_opt graphconv_opts[] = {
	{"at", 0, "ROW,COL", OPT_AT},
	{"format", 0, "text|tsv", OPT_FORMAT},
	{NULL, 0, NULL, 0},
};

/* "ROW,COL" with whole numbers; 0 on success. */
static int parse_at(const char *s, size_t *row, size_t *col)
{
	char *end;
	unsigned long r, c;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	r = strtoul(s, &end, 10);
	if (errno || *end != ',' || end[1] < '0' || end[1] > '9')
		return -1;
	c = strtoul(end + 1, &end, 10);
	if (errno || *end != '\0' || r > 100000 || c > 100000)
		return -1;
	*row = (size_t)r;
	*col = (size_t)c;
	return 0;
}

static void mask_digits(const unsigned char *mask, size_t n, char *out)
{
	size_t k;

	for (k = 0; k < n; k++)
		out[k] = (char)('0' + mask[k]);
	out[n] = '\0';
}

/* Print patch, filter and mask side by side, one row per line. */
static void print_blocks(const ec_sg_figure *fig, const double *patch, const unsigned char *mask)
{
	size_t i, j, fr = fig->frows, fc = fig->fcols;

	for (i = 0; i < fr; i++) {
		printf("  ");
		for (j = 0; j < fc; j++)
			printf("%5g", patch[i * fc + j]);
		printf("    ");
		for (j = 0; j < fc; j++)
			printf("%5g", fig->filter[i * fc + j]);
		printf("    ");
		for (j = 0; j < fc; j++)
			printf("%2d", mask[i * fc + j]);
		printf("\n");
	}
}

static void print_mask(const unsigned char *mask, size_t fr, size_t fc)
{
	size_t i, j;

	for (i = 0; i < fr; i++) {
		printf("  ");
		for (j = 0; j < fc; j++)
			printf("%s%d", j ? " " : "", mask[i * fc + j]);
		printf("\n");
	}
}

static int run(const ec_sg_figure *fig, const char *path, size_t r, size_t c, ec_format format)
{
	double patch[MAX_CELLS], plain, masked;
	unsigned char mask[MAX_CELLS], left[MAX_CELLS];
	char digits[MAX_CELLS + 1], left_digits[MAX_CELLS + 1], terms[4096];
	size_t n = fig->frows * fig->fcols;
	ec_sg_reach reach;
	ec_error err;
	char *art = NULL;

	ec_error_clear(&err);
	if (ec_sg_patch(fig, r, c, patch, &err) != EC_OK ||
	    ec_sg_mask(fig, r, c, mask, &err) != EC_OK ||
	    ec_sg_response(fig, r, c, false, false, &plain, &err) != EC_OK ||
	    ec_sg_response(fig, r, c, true, false, &masked, &err) != EC_OK ||
	    (c > 1 && ec_sg_mask(fig, r, c - 1, left, &err) != EC_OK) ||
	    ec_sg_reach_compute(fig, &reach, &err) != EC_OK) {
		cli_report(&err);
		return EC_EXIT_SOFTWARE;
	}
	mask_digits(mask, n, digits);
	if (c > 1)
		mask_digits(left, n, left_digits);
	else
		strcpy(left_digits, "-");
	if (format == EC_FORMAT_TSV) {
		printf("plain\t%.15g\nmasked\t%.15g\nmask\t%s\nmask_left\t%s\n", plain, masked,
		       digits, left_digits);
		if (reach.covered)
			printf("layers\t%llu\n", (unsigned long long)reach.layers);
		else
			printf("layers\tnever\n");
		return EC_EXIT_OK;
	}
	if (ec_sg_render(fig, &art, &err) != EC_OK) {
		cli_report(&err);
		return EC_EXIT_SOFTWARE;
	}
	printf("figure: %s\n", path);
	printf("image %zux%zu, filter %zux%zu, %llu edge(s), %s\n\n", fig->rows, fig->cols,
	       fig->frows, fig->fcols, (unsigned long long)ec_sg_edge_count(fig),
	       fig->self ? "every node connected to itself (mask centre 1)"
			 : "no node connected to itself ('self 0': mask centre 0)");
	printf("graph (pixel values; - | \\ / X are edges):\n%s\n", art);
	free(art);
	printf("filter location (%zu,%zu): patch X~ (0 outside the image), filter W, mask M\n", r,
	       c);
	print_blocks(fig, patch, mask);
	if (ec_sg_format_terms(patch, fig->filter, NULL, n, terms, sizeof(terms), &err) != EC_OK) {
		cli_report(&err);
		return EC_EXIT_SOFTWARE;
	}
	printf("\nplain response  X~ . W = %s = %g\n", terms, plain);
	if (ec_sg_format_terms(patch, fig->filter, mask, n, terms, sizeof(terms), &err) != EC_OK) {
		cli_report(&err);
		return EC_EXIT_SOFTWARE;
	}
	printf("masked response X~ . (W (.) M) = %s = %g\n", terms, masked);
	printf("mask as digits (row-major): %s\n\n", digits);
	if (c > 1) {
		printf("mask one pixel to the left, at (%zu,%zu): %s\n", r, c - 1, left_digits);
		print_mask(left, fig->frows, fig->fcols);
	} else {
		printf("no mask one pixel to the left: (%zu,%zu) is in column 1\n", r, c);
	}
	printf("\n%llu node(s), %llu connected component(s), largest hop distance %llu\n",
	       (unsigned long long)reach.nodes, (unsigned long long)reach.components,
	       (unsigned long long)reach.diameter);
	if (!reach.covered)
		printf("layers: never (without self-connections a feature after k layers sees\n"
		       "only walks of exactly k edges; a 2-colourable component or an isolated\n"
		       "node is never covered)\n");
	else if (reach.components == 1)
		printf("layers: %llu stacked layer(s) let every node see the whole graph\n",
		       (unsigned long long)reach.layers);
	else
		printf("layers: %llu stacked layer(s) let every node see its whole component;\n"
		       "the graph is disconnected, so no stack lets a node see the other %llu\n"
		       "component(s)\n",
		       (unsigned long long)reach.layers,
		       (unsigned long long)(reach.components - 1));
	return EC_EXIT_OK;
}

int cmd_graphconv(int argc, char **argv)
{
	const char *path = NULL, *at = NULL, *fmt = NULL;
	ec_format format = EC_FORMAT_TEXT;
	ec_sg_figure fig;
	ec_error err;
	size_t r = 0, c = 0;
	char *text;
	cli_args it;
	int opt, status;

	cli_args_init(&it, "graphconv", argc, argv, graphconv_opts);
	while ((opt = cli_next(&it)) != CLI_END) {
		switch (opt) {
		case OPT_AT:
			at = it.value;
			break;
		case OPT_FORMAT:
			fmt = it.value;
			break;
		case CLI_OPERAND:
			if (path) {
				cli_error("graphconv: unexpected argument '%s' "
					  "(one figure file at a time)",
					  it.value);
				return EC_EXIT_USAGE;
			}
			path = it.value;
			break;
		default:
			return cli_done(&it, opt, help_text);
		}
	}
	if (!path) {
		cli_error("graphconv: missing figure file (see 'examcheck graphconv --help')");
		return EC_EXIT_USAGE;
	}
	if (fmt && cli_format(fmt, (1u << EC_FORMAT_TEXT) | (1u << EC_FORMAT_TSV), &format) != 0)
		return EC_EXIT_USAGE;
	if (at && parse_at(at, &r, &c) != 0) {
		char shown[4 * 40 + 4];

		cli_error("graphconv: --at '%s' is not ROW,COL (for example 3,3)",
			  ec_utf8_quote(at, strlen(at), 40, shown, sizeof(shown)));
		return EC_EXIT_USAGE;
	}
	if ((status = cli_read_file("graphconv", path, 16u << 20, &text, NULL)) != EC_EXIT_OK)
		return status;
	ec_error_clear(&err);
	if (ec_sg_parse(text, path, &fig, &err) != EC_OK) {
		free(text);
		cli_report(&err);
		return err.status == EC_ERR_NOMEM ? EC_EXIT_SOFTWARE : EC_EXIT_DATAERR;
	}
	free(text);
	if (!at) {
		r = fig.at_row;
		c = fig.at_col;
	} else if (r < 1 || c < 1 || r > fig.rows || c > fig.cols) {
		cli_error("graphconv: --at %zu,%zu is outside the %zux%zu image of '%s'", r, c,
			  fig.rows, fig.cols, path);
		ec_sg_figure_free(&fig);
		return EC_EXIT_USAGE;
	}
	status = run(&fig, path, r, c, format);
	ec_sg_figure_free(&fig);
	return status;
}
