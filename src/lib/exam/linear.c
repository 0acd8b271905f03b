#include "examcheck/ec_linear.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

ec_status ec_linear_init(ec_linear *m, size_t classes, size_t dim, ec_error *err)
{
	uint64_t cells, bytes;

	memset(m, 0, sizeof(*m));
	if (classes == 0 || dim == 0)
		return ec_error_set(err, EC_ERR_INVALID,
				    "linear classifier: %zu classes of %zu features is empty",
				    classes, dim);
	if (!ec_u64_mul(classes, dim, &cells) || !ec_u64_mul(cells, sizeof(double), &bytes) ||
	    bytes > SIZE_MAX)
		return ec_error_set(err, EC_ERR_OVERFLOW,
				    "linear classifier: %zu x %zu weights do not fit", classes,
				    dim);
	m->W = calloc((size_t)cells, sizeof(double));
	m->b = calloc(classes, sizeof(double));
	if (!m->W || !m->b) {
		ec_linear_free(m);
		return ec_error_set(err, EC_ERR_NOMEM, "linear classifier: out of memory");
	}
	m->classes = classes;
	m->dim = dim;
	return EC_OK;
}

void ec_linear_free(ec_linear *m)
{
	free(m->W);
	free(m->b);
	memset(m, 0, sizeof(*m));
}

ec_status ec_linear_copy(ec_linear *dst, const ec_linear *src, ec_error *err)
{
	ec_status st = ec_linear_init(dst, src->classes, src->dim, err);

	if (st != EC_OK)
		return st;
	memcpy(dst->W, src->W, src->classes * src->dim * sizeof(double));
	memcpy(dst->b, src->b, src->classes * sizeof(double));
	return EC_OK;
}

void ec_linear_scale(ec_linear *m, double c, bool with_bias)
{
	size_t j;

	for (j = 0; j < m->classes * m->dim; j++)
		m->W[j] *= c;
	if (with_bias)
		for (j = 0; j < m->classes; j++)
			m->b[j] *= c;
}

/*
 * Four classes at a time: each score is still summed in feature order
 * (the same roundings as one class at a time), but the four sums are
 * independent, so the processor overlaps their additions.
 */
void ec_linear_scores(const ec_linear *m, const double *x, double *scores)
{
	const size_t d = m->dim;
	size_t c = 0, j;

	for (; c + 4 <= m->classes; c += 4) {
		const double *w0 = m->W + c * d, *w1 = w0 + d, *w2 = w1 + d, *w3 = w2 + d;
		double s0 = m->b[c], s1 = m->b[c + 1], s2 = m->b[c + 2], s3 = m->b[c + 3];

		for (j = 0; j < d; j++) {
			s0 += w0[j] * x[j];
			s1 += w1[j] * x[j];
			s2 += w2[j] * x[j];
			s3 += w3[j] * x[j];
		}
		scores[c] = s0;
		scores[c + 1] = s1;
		scores[c + 2] = s2;
		scores[c + 3] = s3;
	}
	for (; c < m->classes; c++) {
		const double *w = m->W + c * d;
		double s = m->b[c];

		for (j = 0; j < d; j++)
			s += w[j] * x[j];
		scores[c] = s;
	}
}

size_t ec_argmax(const double *v, size_t n)
{
	size_t i, best = 0;

	for (i = 1; i < n; i++)
		if (v[i] > v[best])
			best = i;
	return best;
}

static ec_status check_finite(const double *v, size_t n, const char *what, ec_error *err)
{
	size_t i;

	if (n == 0)
		return ec_error_set(err, EC_ERR_INVALID, "%s: no values", what);
	for (i = 0; i < n; i++)
		if (!isfinite(v[i]))
			return ec_error_set(err, EC_ERR_INVALID, "%s: value %zu is not finite",
					    what, i);
	return EC_OK;
}

ec_status ec_softmax(const double *z, size_t n, double *p, ec_error *err)
{
	ec_status st = check_finite(z, n, "softmax", err);
	double top, sum = 0;
	size_t i;

	if (st != EC_OK)
		return st;
	top = z[ec_argmax(z, n)];
	for (i = 0; i < n; i++) {
		p[i] = exp(z[i] - top);
		sum += p[i];
	}
	for (i = 0; i < n; i++)
		p[i] /= sum;
	return EC_OK;
}

static double logsumexp(const double *s, size_t k)
{
	double top = s[ec_argmax(s, k)], sum = 0;
	size_t i;

	/* exp(0) is exactly 1 (C11 F.10.3.1): the top score needs no call. */
	for (i = 0; i < k; i++)
		sum += s[i] == top ? 1.0 : exp(s[i] - top);
	return top + log(sum);
}

ec_status ec_cross_entropy(const double *s, size_t k, size_t y, double *loss,
			   ec_error *err)
{
	ec_status st = check_finite(s, k, "cross-entropy", err);

	if (st != EC_OK)
		return st;
	if (y >= k)
		return ec_error_set(err, EC_ERR_RANGE,
				    "cross-entropy: true class %zu is not below %zu classes", y, k);
	*loss = logsumexp(s, k) - s[y];
	return EC_OK;
}

ec_status ec_hinge_loss(const double *s, size_t k, size_t y, double margin,
			double *loss, ec_error *err)
{
	ec_status st = check_finite(s, k, "hinge loss", err);
	double sum = 0;
	size_t j;

	if (st != EC_OK)
		return st;
	if (y >= k)
		return ec_error_set(err, EC_ERR_RANGE,
				    "hinge loss: true class %zu is not below %zu classes", y, k);
	if (!(margin >= 0) || !isfinite(margin))
		return ec_error_set(err, EC_ERR_INVALID,
				    "hinge loss: margin %g is not a finite non-negative number",
				    margin);
	for (j = 0; j < k; j++)
		if (j != y && s[j] - s[y] + margin > 0)
			sum += s[j] - s[y] + margin;
	*loss = sum;
	return EC_OK;
}

static ec_status check_shapes(const ec_linear *m, const ec_dataset *ds, ec_error *err)
{
	if (!m->W || !m->b || m->classes == 0)
		return ec_error_set(err, EC_ERR_INVALID, "linear classifier is not initialised");
	if (m->dim != ds->dim)
		return ec_error_set(err, EC_ERR_INVALID,
				    "linear classifier takes %zu features, the data set has %zu",
				    m->dim, ds->dim);
	if (m->classes != ds->classes)
		return ec_error_set(err, EC_ERR_INVALID,
				    "linear classifier has %zu classes, the data set %zu",
				    m->classes, ds->classes);
	return ec_dataset_check(ds, err);
}

static ec_status check_opts(const ec_loss_opts *o, ec_error *err)
{
	if (o->kind != EC_LOSS_SOFTMAX && o->kind != EC_LOSS_HINGE)
		return ec_error_set(err, EC_ERR_INVALID, "unknown loss kind %d", (int)o->kind);
	if (!(o->reg >= 0) || !isfinite(o->reg))
		return ec_error_set(err, EC_ERR_INVALID,
				    "regularisation strength %g is not a finite non-negative number",
				    o->reg);
	if (o->kind == EC_LOSS_HINGE && (!(o->margin >= 0) || !isfinite(o->margin)))
		return ec_error_set(err, EC_ERR_INVALID,
				    "hinge loss: margin %g is not a finite non-negative number",
				    o->margin);
	return EC_OK;
}

/* Loss of one sample and d loss / d scores into g (both from scores s). */
static double sample_loss(const ec_loss_opts *o, const double *s, size_t k, size_t y,
			  double *g)
{
	double loss = 0;
	size_t j;

	if (o->kind == EC_LOSS_SOFTMAX) {
		double lse = logsumexp(s, k);

		for (j = 0; j < k; j++)
			g[j] = exp(s[j] - lse) - (j == y);
		return lse - s[y];
	}
	for (j = 0; j < k; j++)
		g[j] = 0;
	for (j = 0; j < k; j++) {
		double t = s[j] - s[y] + o->margin;

		if (j != y && t > 0) {
			loss += t;
			g[j] += 1;
			g[y] -= 1;
		}
	}
	return loss;
}

/*
 * Scores of two samples at once: W is read once for both, and eight sums
 * (four classes, two samples) are in flight together. Each sum still adds
 * its terms in feature order, as ec_linear_scores() does.
 */
static void scores_pair(const ec_linear *m, const double *xa, const double *xb, double *sa,
			double *sb)
{
	const size_t d = m->dim;
	size_t c = 0, j;

	for (; c + 4 <= m->classes; c += 4) {
		const double *w0 = m->W + c * d, *w1 = w0 + d, *w2 = w1 + d, *w3 = w2 + d;
		double a0 = m->b[c], a1 = m->b[c + 1], a2 = m->b[c + 2], a3 = m->b[c + 3];
		double b0 = a0, b1 = a1, b2 = a2, b3 = a3;

		for (j = 0; j < d; j++) {
			a0 += w0[j] * xa[j];
			b0 += w0[j] * xb[j];
			a1 += w1[j] * xa[j];
			b1 += w1[j] * xb[j];
			a2 += w2[j] * xa[j];
			b2 += w2[j] * xb[j];
			a3 += w3[j] * xa[j];
			b3 += w3[j] * xb[j];
		}
		sa[c] = a0;
		sa[c + 1] = a1;
		sa[c + 2] = a2;
		sa[c + 3] = a3;
		sb[c] = b0;
		sb[c + 1] = b1;
		sb[c + 2] = b2;
		sb[c + 3] = b3;
	}
	for (; c + 2 <= m->classes; c += 2) {
		const double *w0 = m->W + c * d, *w1 = w0 + d;
		double a0 = m->b[c], a1 = m->b[c + 1], b0 = a0, b1 = a1;

		for (j = 0; j < d; j++) {
			a0 += w0[j] * xa[j];
			b0 += w0[j] * xb[j];
			a1 += w1[j] * xa[j];
			b1 += w1[j] * xb[j];
		}
		sa[c] = a0;
		sa[c + 1] = a1;
		sb[c] = b0;
		sb[c + 1] = b1;
	}
	for (; c < m->classes; c++) {
		const double *w = m->W + c * d;
		double a = m->b[c], b = a;

		for (j = 0; j < d; j++) {
			a += w[j] * xa[j];
			b += w[j] * xb[j];
		}
		sa[c] = a;
		sb[c] = b;
	}
}

/*
 * The objective and, when grad is not NULL, its gradient, with the checks
 * already done. scratch holds 3 k + d values. Samples are scored in pairs
 * (scores do not depend on the gradient being summed) and their losses
 * and gradients then added in sample order. For the hinge loss most
 * entries of d loss / d scores are +1 or -1, and g x_j / n is then
 * exactly +-(x_j / n): those quotients are computed once per sample.
 */
static double objective(const ec_linear *m, const ec_dataset *ds, const ec_loss_opts *opts,
			ec_linear *grad, double *scratch)
{
	const size_t k = m->classes, d = m->dim;
	const double n = (double)ds->n;
	double *pair = scratch, *g = scratch + 2 * k, *xn = scratch + 3 * k;
	double total = 0, penalty = 0;
	bool hinge = opts->kind == EC_LOSS_HINGE;
	size_t i, c, j;

	if (grad) {
		memset(grad->W, 0, k * d * sizeof(double));
		memset(grad->b, 0, k * sizeof(double));
	}
	for (i = 0; i < ds->n; i++) {
		const double *x = ds->x + i * d;
		double *s = pair + (i % 2) * k;
		bool have_xn = false;

		if (i % 2 == 0 && i + 1 < ds->n)
			scores_pair(m, x, x + d, pair, pair + k);
		else if (i % 2 == 0)
			ec_linear_scores(m, x, s);
		total += sample_loss(opts, s, k, ds->y[i], g);
		if (!grad)
			continue;
		for (c = 0; c < k; c++) {
			double *row = grad->W + c * d;

			if (g[c] == 0)
				continue;
			grad->b[c] += g[c] / n;
			if (hinge && (g[c] == 1 || g[c] == -1)) {
				if (!have_xn) {
					for (j = 0; j < d; j++)
						xn[j] = x[j] / n;
					have_xn = true;
				}
				if (g[c] == 1)
					for (j = 0; j < d; j++)
						row[j] += xn[j];
				else
					for (j = 0; j < d; j++)
						row[j] += -xn[j];
				continue;
			}
			for (j = 0; j < d; j++)
				row[j] += g[c] * x[j] / n;
		}
	}
	for (j = 0; j < k * d; j++) {
		penalty += m->W[j] * m->W[j];
		if (grad)
			grad->W[j] += 2 * opts->reg * m->W[j];
	}
	return total / n + opts->reg * penalty;
}

static ec_status check_loss_args(const ec_linear *m, const ec_dataset *ds,
				 const ec_loss_opts *opts, ec_error *err)
{
	ec_status st = check_shapes(m, ds, err);

	if (st == EC_OK)
		st = check_opts(opts, err);
	if (st != EC_OK)
		return st;
	if (ds->n == 0)
		return ec_error_set(err, EC_ERR_INVALID, "loss of an empty data set is undefined");
	return EC_OK;
}

ec_status ec_linear_loss(const ec_linear *m, const ec_dataset *ds,
			 const ec_loss_opts *opts, double *loss, ec_linear *grad,
			 ec_error *err)
{
	ec_status st = check_loss_args(m, ds, opts, err);
	size_t k = m->classes, d = m->dim;
	double *scratch;

	if (st != EC_OK)
		return st;
	if (grad && (grad->classes != k || grad->dim != d || !grad->W || !grad->b))
		return ec_error_set(err, EC_ERR_INVALID,
				    "gradient has shape %zu x %zu, the classifier %zu x %zu",
				    grad->classes, grad->dim, k, d);
	scratch = malloc((3 * k + d) * sizeof(double));
	if (!scratch)
		return ec_error_set(err, EC_ERR_NOMEM, "loss: out of memory");
	*loss = objective(m, ds, opts, grad, scratch);
	free(scratch);
	return EC_OK;
}

ec_status ec_linear_evaluate(const ec_linear *m, const ec_dataset *ds, size_t *correct,
			     size_t *confusion, ec_error *err)
{
	ec_status st = check_shapes(m, ds, err);
	size_t i, right = 0, k = m->classes;
	double *s;

	if (st != EC_OK)
		return st;
	s = malloc(k * sizeof(double));
	if (!s)
		return ec_error_set(err, EC_ERR_NOMEM, "evaluate: out of memory");
	if (confusion)
		memset(confusion, 0, k * k * sizeof(size_t));
	for (i = 0; i < ds->n; i++) {
		size_t p;

		ec_linear_scores(m, ds->x + i * m->dim, s);
		p = ec_argmax(s, k);
		right += p == ds->y[i];
		if (confusion)
			confusion[ds->y[i] * k + p]++;
	}
	*correct = right;
	free(s);
	return EC_OK;
}

ec_status ec_linear_train(ec_linear *m, const ec_dataset *ds, const ec_train_opts *opts,
			  double *final_loss, ec_error *err)
{
	ec_linear grad;
	double loss = 0, *scratch;
	size_t step, j;
	ec_status st;

	if (!(opts->rate > 0) || !isfinite(opts->rate))
		return ec_error_set(err, EC_ERR_INVALID, "training: step size %g is not positive",
				    opts->rate);
	/* The data and the shapes stay as they are: checked once, not at every step. */
	if ((st = check_loss_args(m, ds, &opts->loss, err)) != EC_OK)
		return st;
	st = ec_linear_init(&grad, m->classes, m->dim, err);
	if (st != EC_OK)
		return st;
	scratch = malloc((3 * m->classes + m->dim) * sizeof(double));
	if (!scratch) {
		ec_linear_free(&grad);
		return ec_error_set(err, EC_ERR_NOMEM, "training: out of memory");
	}
	for (step = 0; step <= opts->steps; step++) {
		loss = objective(m, ds, &opts->loss, step < opts->steps ? &grad : NULL, scratch);
		if (!isfinite(loss)) {
			st = ec_error_set(err, EC_ERR_INVALID,
					  "training: loss is not finite after %zu steps (step size %g too large?)",
					  step, opts->rate);
			break;
		}
		if (step == opts->steps)
			break;
		for (j = 0; j < m->classes * m->dim; j++)
			m->W[j] -= opts->rate * grad.W[j];
		for (j = 0; j < m->classes; j++)
			m->b[j] -= opts->rate * grad.b[j];
	}
	free(scratch);
	ec_linear_free(&grad);
	if (st == EC_OK && final_loss)
		*final_loss = loss;
	return st;
}

ec_status ec_linear_perceptron(ec_linear *m, const ec_dataset *ds, size_t max_epochs,
			       size_t *epochs, bool *separated, ec_error *err)
{
	ec_status st = check_shapes(m, ds, err);
	size_t e, i, j, d = m->dim;
	double *s;

	if (st != EC_OK)
		return st;
	s = malloc(m->classes * sizeof(double));
	if (!s)
		return ec_error_set(err, EC_ERR_NOMEM, "perceptron: out of memory");
	*separated = false;
	for (e = 0; e < max_epochs && !*separated; e++) {
		size_t mistakes = 0;

		for (i = 0; i < ds->n; i++) {
			const double *x = ds->x + i * d;
			size_t y = ds->y[i], p;

			ec_linear_scores(m, x, s);
			p = ec_argmax(s, m->classes);
			if (p == y)
				continue;
			for (j = 0; j < d; j++) {
				m->W[y * d + j] += x[j];
				m->W[p * d + j] -= x[j];
			}
			m->b[y] += 1;
			m->b[p] -= 1;
			mistakes++;
		}
		*separated = mistakes == 0;
	}
	*epochs = e;
	free(s);
	return EC_OK;
}

ec_status ec_linear_predict_cost(size_t classes, size_t dim, uint64_t *mults,
				 ec_error *err)
{
	if (!ec_u64_mul(classes, dim, mults))
		return ec_error_set(err, EC_ERR_OVERFLOW,
				    "prediction cost of %zu classes x %zu features overflows",
				    classes, dim);
	return EC_OK;
}
