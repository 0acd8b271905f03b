#include "examcheck/ec_knn.h"

#include <math.h>
#include <stdlib.h>

/* The sum over features of |a_i - b_i| (L1) or (a_i - b_i)^2 (L2), in feature order. */
static double raw_distance(ec_metric metric, const double *a, const double *b, size_t dim)
{
	double sum = 0;
	size_t i;

	if (metric == EC_METRIC_L1) {
		for (i = 0; i < dim; i++)
			sum += fabs(a[i] - b[i]);
		return sum;
	}
	for (i = 0; i < dim; i++) {
		double d = a[i] - b[i];

		sum += d * d;
	}
	return sum;
}

double ec_distance(ec_metric metric, const double *a, const double *b, size_t dim)
{
	double raw = raw_distance(metric, a, b, dim);

	return metric == EC_METRIC_L1 ? raw : sqrt(raw);
}

/*
 * raw_distance() from x to four consecutive rows t, t + dim, ...: four
 * independent sums, each in feature order, so the additions of one do not
 * wait for those of another.
 */
static void raw_distance4(ec_metric metric, const double *x, const double *t, size_t dim,
			  double *out)
{
	const double *t0 = t, *t1 = t0 + dim, *t2 = t1 + dim, *t3 = t2 + dim;
	double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
	size_t i;

	if (metric == EC_METRIC_L1) {
		for (i = 0; i < dim; i++) {
			s0 += fabs(x[i] - t0[i]);
			s1 += fabs(x[i] - t1[i]);
			s2 += fabs(x[i] - t2[i]);
			s3 += fabs(x[i] - t3[i]);
		}
	} else {
		for (i = 0; i < dim; i++) {
			double d0 = x[i] - t0[i], d1 = x[i] - t1[i], d2 = x[i] - t2[i];
			double d3 = x[i] - t3[i];

			s0 += d0 * d0;
			s1 += d1 * d1;
			s2 += d2 * d2;
			s3 += d3 * d3;
		}
	}
	out[0] = s0;
	out[1] = s1;
	out[2] = s2;
	out[3] = s3;
}

ec_status ec_knn_query_cost(size_t n, size_t dim, ec_knn_cost *cost, ec_error *err)
{
	uint64_t terms;

	if (!ec_u64_mul(n, dim, &terms) || !ec_u64_add(cost->terms, terms, &cost->terms) ||
	    !ec_u64_add(cost->distances, n, &cost->distances))
		return ec_error_set(err, EC_ERR_OVERFLOW, "knn: operation count overflows");
	return EC_OK;
}

ec_status ec_knn_neighbors(const ec_dataset *train, const double *x, size_t k,
			   ec_metric metric, size_t *idx, double *dist, ec_knn_cost *cost,
			   ec_error *err)
{
	double *best, four[4];
	size_t i, filled = 0, blocks = train->n - train->n % 4;

	if (k == 0 || k > train->n)
		return ec_error_set(err, EC_ERR_INVALID,
				    "knn: k = %zu is not in 1..%zu (the training set size)", k,
				    train->n);
	best = malloc(k * sizeof(double));
	if (!best)
		return ec_error_set(err, EC_ERR_NOMEM, "knn: out of memory");
	for (i = 0; i < train->n; i++) {
		const double *t = train->x + i * train->dim;
		double d;
		size_t pos = filled;

		if (i < blocks && i % 4 == 0)
			raw_distance4(metric, x, t, train->dim, four);
		d = i < blocks ? four[i % 4] : raw_distance(metric, x, t, train->dim);

		/* Strict < keeps the lower index first among equal distances. */
		while (pos > 0 && d < best[pos - 1])
			pos--;
		if (pos == k)
			continue;
		if (filled < k)
			filled++;
		for (size_t j = filled - 1; j > pos; j--) {
			best[j] = best[j - 1];
			idx[j] = idx[j - 1];
		}
		best[pos] = d;
		idx[pos] = i;
	}
	if (dist)
		for (i = 0; i < k; i++)
			dist[i] = metric == EC_METRIC_L1 ? best[i] : sqrt(best[i]);
	free(best);
	return cost ? ec_knn_query_cost(train->n, train->dim, cost, err) : EC_OK;
}

ec_status ec_knn_predict(const ec_dataset *train, const double *x, size_t k,
			 ec_metric metric, size_t *label, ec_knn_cost *cost, ec_error *err)
{
	size_t *idx, *votes, i, top = 0, winner = 0;
	ec_status st;

	if (k == 0 || k > train->n)
		return ec_error_set(err, EC_ERR_INVALID,
				    "knn: k = %zu is not in 1..%zu (the training set size)", k,
				    train->n);
	idx = malloc(k * sizeof(size_t));
	votes = calloc(train->classes, sizeof(size_t));
	if (!idx || !votes) {
		free(idx);
		free(votes);
		return ec_error_set(err, EC_ERR_NOMEM, "knn: out of memory");
	}
	st = ec_knn_neighbors(train, x, k, metric, idx, NULL, cost, err);
	for (i = 0; st == EC_OK && i < k; i++) {
		size_t y = train->y[idx[i]];

		if (y >= train->classes) {
			st = ec_error_set(err, EC_ERR_RANGE,
					  "knn: training sample %zu: label %zu is not below %zu classes",
					  idx[i], y, train->classes);
			break;
		}
		if (++votes[y] > top)
			top = votes[y];
	}
	/* Nearest first: the first neighbour whose label has the top vote decides a tie. */
	for (i = 0; st == EC_OK && i < k; i++) {
		if (votes[train->y[idx[i]]] == top) {
			winner = train->y[idx[i]];
			break;
		}
	}
	if (st == EC_OK)
		*label = winner;
	free(idx);
	free(votes);
	return st;
}

ec_status ec_knn_evaluate(const ec_dataset *train, const ec_dataset *test, size_t k,
			  ec_metric metric, size_t *correct, ec_knn_cost *cost,
			  ec_error *err)
{
	size_t i, right = 0;

	if (train->dim != test->dim)
		return ec_error_set(err, EC_ERR_INVALID,
				    "knn: training samples have %zu features, test samples %zu",
				    train->dim, test->dim);
	for (i = 0; i < test->n; i++) {
		size_t label;
		ec_status st = ec_knn_predict(train, test->x + i * test->dim, k, metric, &label,
					      cost, err);

		if (st != EC_OK)
			return st;
		right += label == test->y[i];
	}
	*correct = right;
	return EC_OK;
}
