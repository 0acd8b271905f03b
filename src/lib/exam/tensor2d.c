#include "examcheck/ec_tensor.h"

#include <string.h>

#include "examcheck/ec_conv.h"

static ec_status check_mat(const ec_mat *m, const char *what, ec_error *err)
{
	if (!m || !m->v || m->rows == 0 || m->cols == 0)
		return ec_error_set(err, EC_ERR_INVALID, "%s is empty", what);
	return EC_OK;
}

/* The output shape of a window of kh x kw over an in_rows x in_cols input. */
static ec_status out_shape(size_t in_rows, size_t in_cols, size_t kh, size_t kw, size_t pad,
			   size_t stride, size_t *rows, size_t *cols, ec_error *err)
{
	ec_window wr = {kh, stride, pad, 1}, wc = {kw, stride, pad, 1};
	uint64_t r, c;
	ec_status st;

	if ((st = ec_conv_output_size(in_rows, &wr, &r, err)) != EC_OK ||
	    (st = ec_conv_output_size(in_cols, &wc, &c, err)) != EC_OK)
		return st;
	if (r > SIZE_MAX || c > SIZE_MAX)
		return ec_error_set(err, EC_ERR_RANGE, "output too large");
	*rows = (size_t)r;
	*cols = (size_t)c;
	return EC_OK;
}

static ec_status want_shape(const ec_mat *m, size_t rows, size_t cols, const char *what,
			    ec_error *err)
{
	if (m->rows != rows || m->cols != cols)
		return ec_error_set(err, EC_ERR_RANGE, "%s is %zux%zu, expected %zux%zu", what,
				    m->rows, m->cols, rows, cols);
	return EC_OK;
}

ec_status ec_xcorr2d(const ec_mat *x, const ec_mat *k, size_t pad, size_t stride,
		     ec_mat *y, ec_error *err)
{
	size_t rows, cols, i, j, a, b;
	ec_status st;

	if ((st = check_mat(x, "input", err)) || (st = check_mat(k, "kernel", err)) ||
	    (st = check_mat(y, "output", err)))
		return st;
	if ((st = out_shape(x->rows, x->cols, k->rows, k->cols, pad, stride, &rows, &cols,
			    err)) ||
	    (st = want_shape(y, rows, cols, "output", err)))
		return st;
	for (i = 0; i < rows; i++)
		for (j = 0; j < cols; j++) {
			double sum = 0;

			for (a = 0; a < k->rows; a++)
				for (b = 0; b < k->cols; b++) {
					size_t p = i * stride + a, q = j * stride + b;

					if (p < pad || q < pad || p - pad >= x->rows ||
					    q - pad >= x->cols)
						continue;
					sum += EC_AT(x, p - pad, q - pad) * EC_AT(k, a, b);
				}
			EC_AT(y, i, j) = sum;
		}
	return EC_OK;
}

ec_status ec_xcorr2d_backward(const ec_mat *dy, const ec_mat *k, size_t pad,
			      size_t stride, ec_mat *dx, ec_error *err)
{
	size_t rows, cols, i, j, a, b;
	ec_status st;

	if ((st = check_mat(dy, "output gradient", err)) || (st = check_mat(k, "kernel", err)) ||
	    (st = check_mat(dx, "input gradient", err)))
		return st;
	if ((st = out_shape(dx->rows, dx->cols, k->rows, k->cols, pad, stride, &rows, &cols,
			    err)) ||
	    (st = want_shape(dy, rows, cols, "output gradient", err)))
		return st;
	memset(dx->v, 0, sizeof(double) * dx->rows * dx->cols);
	for (i = 0; i < rows; i++)
		for (j = 0; j < cols; j++)
			for (a = 0; a < k->rows; a++)
				for (b = 0; b < k->cols; b++) {
					size_t p = i * stride + a, q = j * stride + b;

					if (p < pad || q < pad || p - pad >= dx->rows ||
					    q - pad >= dx->cols)
						continue;
					EC_AT(dx, p - pad, q - pad) += EC_AT(dy, i, j) * EC_AT(k, a, b);
				}
	return EC_OK;
}

ec_status ec_mat_rot180(const ec_mat *k, ec_mat *out, ec_error *err)
{
	size_t a, b;
	ec_status st;

	if ((st = check_mat(k, "kernel", err)) || (st = check_mat(out, "output", err)) ||
	    (st = want_shape(out, k->rows, k->cols, "output", err)))
		return st;
	if (out->v == k->v)
		return ec_error_set(err, EC_ERR_INVALID, "output must not alias the kernel");
	for (a = 0; a < k->rows; a++)
		for (b = 0; b < k->cols; b++)
			EC_AT(out, k->rows - 1 - a, k->cols - 1 - b) = EC_AT(k, a, b);
	return EC_OK;
}

static ec_status pool_shape(const ec_mat *x, size_t size, size_t stride, const ec_mat *y,
			    const char *what, ec_error *err)
{
	size_t rows, cols;
	ec_status st;

	if ((st = check_mat(x, "input", err)) || (st = check_mat(y, what, err)))
		return st;
	if ((st = out_shape(x->rows, x->cols, size, size, 0, stride, &rows, &cols, err)))
		return st;
	return want_shape(y, rows, cols, what, err);
}

/* Row-major index into x of the first maximum of the window at (i, j). */
static size_t window_argmax(const ec_mat *x, size_t size, size_t stride, size_t i, size_t j)
{
	size_t a, b, best = i * stride * x->cols + j * stride;

	for (a = 0; a < size; a++)
		for (b = 0; b < size; b++) {
			size_t idx = (i * stride + a) * x->cols + j * stride + b;

			if (x->v[idx] > x->v[best])
				best = idx;
		}
	return best;
}

ec_status ec_maxpool2d(const ec_mat *x, size_t size, size_t stride, ec_mat *y,
		       size_t *argmax, ec_error *err)
{
	size_t i, j;
	ec_status st;

	if ((st = pool_shape(x, size, stride, y, "output", err)))
		return st;
	for (i = 0; i < y->rows; i++)
		for (j = 0; j < y->cols; j++) {
			size_t best = window_argmax(x, size, stride, i, j);

			EC_AT(y, i, j) = x->v[best];
			if (argmax)
				argmax[i * y->cols + j] = best;
		}
	return EC_OK;
}

ec_status ec_maxpool2d_backward(const ec_mat *x, size_t size, size_t stride,
				const ec_mat *dy, ec_mat *dx, ec_error *err)
{
	size_t i, j;
	ec_status st;

	if ((st = pool_shape(x, size, stride, dy, "output gradient", err)) ||
	    (st = check_mat(dx, "input gradient", err)) ||
	    (st = want_shape(dx, x->rows, x->cols, "input gradient", err)))
		return st;
	memset(dx->v, 0, sizeof(double) * dx->rows * dx->cols);
	for (i = 0; i < dy->rows; i++)
		for (j = 0; j < dy->cols; j++)
			dx->v[window_argmax(x, size, stride, i, j)] += EC_AT(dy, i, j);
	return EC_OK;
}

ec_status ec_avgpool2d(const ec_mat *x, size_t size, size_t stride, ec_mat *y,
		       ec_error *err)
{
	size_t i, j, a, b;
	ec_status st;

	if ((st = pool_shape(x, size, stride, y, "output", err)))
		return st;
	for (i = 0; i < y->rows; i++)
		for (j = 0; j < y->cols; j++) {
			double sum = 0;

			for (a = 0; a < size; a++)
				for (b = 0; b < size; b++)
					sum += EC_AT(x, i * stride + a, j * stride + b);
			EC_AT(y, i, j) = sum / ((double)size * (double)size);
		}
	return EC_OK;
}

ec_status ec_avgpool2d_backward(const ec_mat *dy, size_t size, size_t stride,
				ec_mat *dx, ec_error *err)
{
	size_t i, j, a, b;
	ec_status st;

	if ((st = pool_shape(dx, size, stride, dy, "output gradient", err)))
		return st;
	memset(dx->v, 0, sizeof(double) * dx->rows * dx->cols);
	for (i = 0; i < dy->rows; i++)
		for (j = 0; j < dy->cols; j++)
			for (a = 0; a < size; a++)
				for (b = 0; b < size; b++)
					EC_AT(dx, i * stride + a, j * stride + b) +=
						EC_AT(dy, i, j) / ((double)size * (double)size);
	return EC_OK;
}

ec_status ec_mat_fill_ints(ec_mat *m, ec_xorshift *g, int lo, int hi, ec_error *err)
{
	uint64_t span;
	size_t i;
	ec_status st;

	if ((st = check_mat(m, "matrix", err)))
		return st;
	if (lo > hi)
		return ec_error_set(err, EC_ERR_INVALID, "range %d..%d is empty", lo, hi);
	span = (uint64_t)((int64_t)hi - (int64_t)lo) + 1;
	for (i = 0; i < m->rows * m->cols; i++)
		m->v[i] = (double)((int64_t)lo + (int64_t)(ec_xorshift_next(g) % span));
	return EC_OK;
}

size_t ec_mat_count_zeros(const ec_mat *m)
{
	size_t i, n = 0;

	for (i = 0; i < m->rows * m->cols; i++)
		n += m->v[i] == 0;
	return n;
}
