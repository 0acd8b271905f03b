/*
 * ec_test.h: what every cmocka test file includes.
 */
#ifndef EC_TEST_H
#define EC_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>

/* Assert |a - b| <= tol, printing both values when it fails. */
#define assert_near(a, b, tol)                                                  \
	do {                                                                    \
		double ec_a_ = (a), ec_b_ = (b);                                \
		if (!(fabs(ec_a_ - ec_b_) <= (tol)))                             \
			fail_msg("%s = %.17g, expected %.17g (tolerance %g)", #a, \
				 ec_a_, ec_b_, (double)(tol));                  \
	} while (0)

#endif
