/*
 * cmd_net.c: the `net` and `rf` calculators over a layer list in the exam's
 * notation (see ec_layers.h). The library computes; this file formats.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "examcheck/ec_layers.h"
#include "examcheck/ec_utf8.h"

#define NET_COLS 8
#define RF_COLS 9
#define CELL 64

static const char *const net_head[NET_COLS] = {
	"#", "layer", "output", "weights", "biases", "bn_params", "macs", "flops",
};

static const char *const rf_head[RF_COLS] = {
	"#", "layer", "kernel", "stride", "pad", "dilation", "rf", "jump", "start",
};

static const char net_help[] =
	"usage: examcheck net [--format text|tsv] LAYER...\n"
	"\n"
	"Print, for each layer of a layer list, its output shape, weights, biases,\n"
	"batch-norm parameters and multiplications (the Q3.2 table, for any list).\n"
	"The arguments are joined with spaces; layers are separated by spaces,\n"
	"';' or ','. The list starts with INPUT.\n"
	"\n"
	"Layers (case-insensitive):\n"
	"  INPUT CxS[xS[xS]]   channels, then 1 to 3 spatial sizes: INPUT 3x8x64x64\n"
	"  CONVk-n[-pP][-sS][-dD]  n filters k x .. x k, padding P (0), stride S (1),\n"
	"                      dilation D (1): CONV5-16-p2-s1; short form conv3-16s2\n"
	"  POOLk[-sS][-pP]     k x .. x k max pooling, stride S (default k): POOL2\n"
	"  FC-n                fully connected, n neurons: FC-256\n"
	"\n"
	"Columns (text and tsv; tsv has this header line, tab-separated):\n"
	"  #          position in the list, INPUT = 1\n"
	"  layer      the layer as written\n"
	"  output     activation shape, channels first (16x8x64x64); neurons after FC\n"
	"  weights    learned weights (0 for pooling)\n"
	"  biases     learned biases (0 for pooling)\n"
	"  bn_params  gamma and beta of a batch norm after a convolution (2 x filters)\n"
	"  macs       multiplications: one per kernel tap per input channel per output\n"
	"             element; bias excluded, batch 1, padded zeros counted (im2col)\n"
	"  flops      2 x macs\n"
	"'-' marks a value that does not apply. The text format adds a total line.\n"
	"\n"
	"Options:\n"
	"  --format F  text (default) or tsv\n"
	"  -h, --help  print this help\n"
	"\n"
	"Exit status: 0 success; 2 bad option or bad layer list (one-line error\n"
	"naming the layer); 70 out of memory; 74 write error.\n";

static const char rf_help[] =
	"usage: examcheck rf [--format text|tsv] LAYER...\n"
	"\n"
	"Print the receptive field of each layer of a layer list: how many input\n"
	"pixels one output element sees (rf), the distance in input pixels between\n"
	"neighbouring outputs (jump), and the input coordinate of the centre of\n"
	"the first output's field (start; negative inside the padding).\n"
	"Recurrence: rf = rf_prev + d (k - 1) jump_prev, jump = jump_prev s,\n"
	"start = start_prev + (d (k - 1) / 2 - p) jump_prev.\n"
	"\n"
	"Layers use the notation of 'examcheck net --help'; filter counts are not\n"
	"needed: 'conv3s1 conv3s2 conv3s2 conv3s1 pool2s2'. Without INPUT, two\n"
	"spatial axes are assumed; an FC layer needs INPUT, as its filter size F is\n"
	"its input's size (it acts as a convolution with F x F filters, stride 1).\n"
	"\n"
	"Columns (text and tsv; tsv has this header line, tab-separated):\n"
	"  #  layer  kernel  stride  pad  dilation  rf  jump  start\n"
	"kernel and rf are given per spatial axis (3x3); '-' marks the INPUT row.\n"
	"\n"
	"Options:\n"
	"  --format F  text (default) or tsv\n"
	"  -h, --help  print this help\n"
	"\n"
	"Exit status: 0 success; 2 bad option or bad layer list (one-line error\n"
	"naming the layer); 70 out of memory; 74 write error.\n";

enum { OPT_FORMAT };

static const cli_opt layer_opts[] = {
	{"format", 0, "text|tsv", OPT_FORMAT},
	{NULL, 0, NULL, 0},
};

/*
 * Join the operands into one layer list; parse --format. Returns -1 after
 * printing the help or the version, else an exit status.
 */
static int read_args(int argc, char **argv, const char *help, ec_format *format, char **spec)
{
	size_t len = 0, i;
	int k, n = 0, c;
	cli_args it;
	char *s;

	*format = EC_FORMAT_TEXT;
	for (k = 1; k < argc; k++)
		len += strlen(argv[k]) + 1;
	if (!(s = malloc(len + 1))) {
		cli_error("%s: out of memory", argv[0]);
		return EC_EXIT_SOFTWARE;
	}
	s[0] = '\0';
	i = 0;
	cli_args_init(&it, argv[0], argc, argv, layer_opts);
	while ((c = cli_next(&it)) != CLI_END) {
		if (c == OPT_FORMAT) {
			if (cli_format(it.value, 1u << EC_FORMAT_TEXT | 1u << EC_FORMAT_TSV,
				       format) != 0) {
				free(s);
				return EC_EXIT_USAGE;
			}
			continue;
		}
		if (c != CLI_OPERAND) {
			free(s);
			c = cli_done(&it, c, help);
			return c == EC_EXIT_OK ? -1 : c;
		}
		if (n++)
			s[i++] = ' ';
		memcpy(s + i, it.value, strlen(it.value) + 1);
		i += strlen(it.value);
	}
	if (n == 0) {
		cli_error("%s: missing layer list (see 'examcheck %s --help')", argv[0], argv[0]);
		free(s);
		return EC_EXIT_USAGE;
	}
	*spec = s;
	return EC_EXIT_OK;
}

static int lib_failed(const char *cmd, const ec_error *err)
{
	char buf[320];

	cli_error("%s: %s", cmd, ec_error_format(err, buf, sizeof(buf)));
	return err->status == EC_ERR_NOMEM ? EC_EXIT_SOFTWARE : EC_EXIT_USAGE;
}

static void join_dims(char *buf, size_t n, const uint64_t *v)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(buf + used, CELL - used, "%s%" PRIu64, i ? "x" : "", v[i]);
}

static void u64_cell(char *buf, uint64_t v)
{
	snprintf(buf, CELL, "%" PRIu64, v);
}

/* Width of a cell in characters: a layer written 'INPUT 3×32×32' has multi-byte ones. */
static size_t cell_width(const char *cell)
{
	return ec_utf8_count(cell, strlen(cell));
}

/* Print rows of cells: a header, aligned columns (text) or tabs (tsv). */
static void print_table(ec_format format, size_t ncols, const char *const *head,
			char (*cells)[CELL], size_t nrows, size_t left_cols)
{
	size_t width[RF_COLS] = {0}, r, c;

	for (c = 0; c < ncols; c++)
		width[c] = cell_width(head[c]);
	for (r = 0; r < nrows; r++)
		for (c = 0; c < ncols; c++)
			if (cell_width(cells[r * ncols + c]) > width[c])
				width[c] = cell_width(cells[r * ncols + c]);
	for (r = 0; r <= nrows; r++) {
		for (c = 0; c < ncols; c++) {
			const char *cell = r == 0 ? head[c] : cells[(r - 1) * ncols + c];
			int pad = (int)(width[c] - cell_width(cell));

			if (format == EC_FORMAT_TSV)
				printf("%s%s", c ? "\t" : "", cell);
			else if (c < left_cols && c + 1 < ncols)
				printf("%s%s%*s", c ? "  " : "", cell, pad, "");
			else
				printf("%s%*s%s", c ? "  " : "", pad, "", cell);
		}
		putchar('\n');
	}
}

int cmd_net(int argc, char **argv)
{
	ec_layer_list list = {NULL, 0};
	ec_layer_stats *stats = NULL, total;
	char (*cells)[CELL] = NULL;
	ec_format format;
	ec_error err;
	char *spec = NULL;
	size_t i, nrows;
	int rc;

	if ((rc = read_args(argc, argv, net_help, &format, &spec)) != 0)
		return rc < 0 ? EC_EXIT_OK : rc;
	ec_error_clear(&err);
	if (ec_layers_parse(spec, &list, &err) != EC_OK) {
		free(spec);
		return lib_failed("net", &err);
	}
	free(spec);
	nrows = list.count + (format == EC_FORMAT_TEXT);
	stats = calloc(list.count, sizeof(*stats));
	cells = calloc(nrows * NET_COLS, sizeof(*cells));
	if (!stats || !cells) {
		ec_error_set(&err, EC_ERR_NOMEM, "out of memory");
		rc = lib_failed("net", &err);
		goto done;
	}
	if (ec_layers_walk(&list, stats, &err) != EC_OK ||
	    ec_layers_totals(stats, list.count, &total, &err) != EC_OK) {
		rc = lib_failed("net", &err);
		goto done;
	}
	for (i = 0; i < list.count; i++) {
		const ec_layer *l = &list.layers[i];
		const ec_layer_stats *s = &stats[i];
		char(*row)[CELL] = cells + i * NET_COLS;
		int input = l->type == EC_LAYER_INPUT;

		snprintf(row[0], CELL, "%zu", i + 1);
		snprintf(row[1], CELL, "%s", l->name);
		join_dims(row[2], s->rank, s->dims);
		if (input) {
			for (int c = 3; c < NET_COLS; c++)
				strcpy(row[c], "-");
			continue;
		}
		u64_cell(row[3], s->weights);
		u64_cell(row[4], s->biases);
		if (l->type == EC_LAYER_CONV)
			u64_cell(row[5], s->bn_params);
		else
			strcpy(row[5], "-");
		u64_cell(row[6], s->macs);
		u64_cell(row[7], s->flops);
	}
	if (format == EC_FORMAT_TEXT) {
		char(*row)[CELL] = cells + list.count * NET_COLS;

		strcpy(row[1], "total");
		u64_cell(row[3], total.weights);
		u64_cell(row[4], total.biases);
		u64_cell(row[5], total.bn_params);
		u64_cell(row[6], total.macs);
		u64_cell(row[7], total.flops);
	}
	print_table(format, NET_COLS, net_head, cells, nrows, 3);
	if (format == EC_FORMAT_TEXT)
		printf("\nmacs: multiplications (bias excluded, batch 1, padded zeros counted as "
		       "in im2col); flops = 2 x macs.\n"
		       "bn_params: gamma and beta of a batch norm after each convolution.\n");
	rc = EC_EXIT_OK;
done:
	free(cells);
	free(stats);
	ec_layers_free(&list);
	return rc;
}

static ec_status start_cell(char *buf, const ec_rf *rf, ec_error *err)
{
	int64_t twice;
	ec_status st;

	if ((st = ec_rf_start2(rf, &twice, err)) != EC_OK)
		return st;
	if (twice % 2 == 0)
		snprintf(buf, CELL, "%" PRId64, twice / 2);
	else if (twice > 0)
		snprintf(buf, CELL, "%" PRId64 ".5", twice / 2);
	else
		snprintf(buf, CELL, "-%" PRId64 ".5", -(twice / 2));
	return EC_OK;
}

int cmd_rf(int argc, char **argv)
{
	ec_layer_list list = {NULL, 0};
	ec_layer_rf *rfs = NULL;
	char (*cells)[CELL] = NULL;
	ec_format format;
	ec_error err;
	char *spec = NULL;
	size_t i, k;
	int rc;

	if ((rc = read_args(argc, argv, rf_help, &format, &spec)) != 0)
		return rc < 0 ? EC_EXIT_OK : rc;
	ec_error_clear(&err);
	if (ec_layers_parse(spec, &list, &err) != EC_OK) {
		free(spec);
		return lib_failed("rf", &err);
	}
	free(spec);
	rfs = calloc(list.count, sizeof(*rfs));
	cells = calloc(list.count * RF_COLS, sizeof(*cells));
	if (!rfs || !cells) {
		ec_error_set(&err, EC_ERR_NOMEM, "out of memory");
		rc = lib_failed("rf", &err);
		goto done;
	}
	if (ec_layers_rf(&list, rfs, &err) != EC_OK) {
		rc = lib_failed("rf", &err);
		goto done;
	}
	for (i = 0; i < list.count; i++) {
		const ec_layer_rf *r = &rfs[i];
		char(*row)[CELL] = cells + i * RF_COLS;
		uint64_t kernel[EC_MAX_SPATIAL], size[EC_MAX_SPATIAL];

		snprintf(row[0], CELL, "%zu", i + 1);
		snprintf(row[1], CELL, "%s", list.layers[i].name);
		for (k = 0; k < r->nspatial; k++) {
			kernel[k] = r->window[k].kernel;
			size[k] = r->rf[k].size;
		}
		if (list.layers[i].type == EC_LAYER_INPUT) {
			for (k = 2; k < 6; k++)
				strcpy(row[k], "-");
		} else {
			join_dims(row[2], r->nspatial, kernel);
			u64_cell(row[3], r->window[0].stride);
			u64_cell(row[4], r->window[0].pad);
			u64_cell(row[5], r->window[0].dilation);
		}
		join_dims(row[6], r->nspatial, size);
		u64_cell(row[7], r->rf[0].jump);
		if (start_cell(row[8], &r->rf[0], &err) != EC_OK) {
			rc = lib_failed("rf", &err);
			goto done;
		}
	}
	print_table(format, RF_COLS, rf_head, cells, list.count, 2);
	rc = EC_EXIT_OK;
done:
	free(cells);
	free(rfs);
	ec_layers_free(&list);
	return rc;
}
