/*
 * examcheck.h: the whole public API of libexamcheck in one include.
 * Build against an installed copy with
 *   cc prog.c $(pkg-config --cflags --libs examcheck)
 */
#ifndef EXAMCHECK_H
#define EXAMCHECK_H

#include "examcheck/ec_answer_groups.h"
#include "examcheck/ec_buf.h"
#include "examcheck/ec_chart.h"
#include "examcheck/ec_check.h"
#include "examcheck/ec_class.h"
#include "examcheck/ec_common.h"
#include "examcheck/ec_conv.h"
#include "examcheck/ec_csv.h"
#include "examcheck/ec_dataset.h"
#include "examcheck/ec_exam.h"
#include "examcheck/ec_explain.h"
#include "examcheck/ec_expr.h"
#include "examcheck/ec_feedback.h"
#include "examcheck/ec_file.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_gradflow.h"
#include "examcheck/ec_key.h"
#include "examcheck/ec_keyio.h"
#include "examcheck/ec_knn.h"
#include "examcheck/ec_layers.h"
#include "examcheck/ec_linear.h"
#include "examcheck/ec_norm.h"
#include "examcheck/ec_optim.h"
#include "examcheck/ec_regularize.h"
#include "examcheck/ec_report.h"
#include "examcheck/ec_rf.h"
#include "examcheck/ec_roster.h"
#include "examcheck/ec_rubric.h"
#include "examcheck/ec_sheet.h"
#include "examcheck/ec_spatial_graph.h"
#include "examcheck/ec_stats.h"
#include "examcheck/ec_tensor.h"
#include "examcheck/ec_text.h"
#include "examcheck/ec_utf8.h"
#include "examcheck/ec_writer.h"
#include "examcheck/ec_xorshift.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif
