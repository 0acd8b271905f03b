/*
 * ec_knn.h: k-nearest-neighbour classification by brute force, with L1 or
 * L2 distance, a documented tie rule and a count of the work done.
 */
#ifndef EC_KNN_H
#define EC_KNN_H

#include "examcheck/ec_common.h"
#include "examcheck/ec_dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The distance between two feature vectors. */
typedef enum ec_metric {
	EC_METRIC_L1, /**< sum of |a_i - b_i| */
	EC_METRIC_L2  /**< sqrt of the sum of (a_i - b_i)^2 */
} ec_metric;

/** The distance between a[0..dim-1] and b[0..dim-1] under `metric`. */
double ec_distance(ec_metric metric, const double *a, const double *b, size_t dim);

/**
 * Work done by a brute-force query: `distances` is the number of training
 * samples compared with the query (n per query), `terms` the number of
 * per-feature difference terms evaluated (n * dim per query). Both are
 * added to what the counter already holds, with overflow detected.
 */
typedef struct ec_knn_cost {
	uint64_t distances;
	uint64_t terms;
} ec_knn_cost;

/**
 * Add to *cost the work of one brute-force query against n training
 * samples of dim features, as ec_knn_neighbors() counts it while it runs:
 * n distances and n * dim terms. The work does not depend on the values,
 * so it can be known without running the query. EC_ERR_OVERFLOW when a
 * count does not fit.
 */
ec_status ec_knn_query_cost(size_t n, size_t dim, ec_knn_cost *cost, ec_error *err);

/**
 * The k training samples nearest to x (dim = train->dim), nearest first:
 * their indices into idx[k] and distances into dist[k] (dist may be NULL).
 * Equal distances are ordered by lower training index. Every training
 * sample is compared (cost added to *cost when cost is not NULL).
 * EC_ERR_INVALID when k is 0 or larger than train->n.
 */
ec_status ec_knn_neighbors(const ec_dataset *train, const double *x, size_t k,
			   ec_metric metric, size_t *idx, double *dist, ec_knn_cost *cost,
			   ec_error *err);

/**
 * The kNN prediction for x: the majority label among the k nearest
 * training samples. Tie rule: when several labels have the top vote, the
 * one owning the nearest of the k neighbours wins (so k = 1 is plain
 * nearest neighbour, and the result never depends on label numbering).
 * Labels of `train` must be below train->classes (EC_ERR_RANGE otherwise).
 */
ec_status ec_knn_predict(const ec_dataset *train, const double *x, size_t k,
			 ec_metric metric, size_t *label, ec_knn_cost *cost, ec_error *err);

/**
 * Predict every sample of `test` from `train` and count the correct ones
 * into *correct (accuracy = *correct / test->n). EC_ERR_INVALID when the
 * two sets differ in dimension.
 */
ec_status ec_knn_evaluate(const ec_dataset *train, const ec_dataset *test, size_t k,
			  ec_metric metric, size_t *correct, ec_knn_cost *cost,
			  ec_error *err);

#ifdef __cplusplus
}
#endif

#endif
