#include "answers.h"

#include <ctype.h>
#include <string.h>

int ec_ans_1_1(ec_actx *a);
int ec_ans_1_2(ec_actx *a);
int ec_ans_1_3(ec_actx *a);
int ec_ans_1_4(ec_actx *a);
int ec_ans_1_5(ec_actx *a);
int ec_ans_1_6(ec_actx *a);
int ec_ans_1_7(ec_actx *a);
int ec_ans_1_8(ec_actx *a);
int ec_ans_1_9(ec_actx *a);
int ec_ans_1_10(ec_actx *a);
int ec_ans_2_1(ec_actx *a);
int ec_ans_2_2(ec_actx *a);
int ec_ans_2_3(ec_actx *a);
int ec_ans_2_4(ec_actx *a);
int ec_ans_2_5(ec_actx *a);
int ec_ans_2_6(ec_actx *a);
int ec_ans_2_7(ec_actx *a);
int ec_ans_2_8(ec_actx *a);
int ec_ans_2_9(ec_actx *a);
int ec_ans_2_10(ec_actx *a);
int ec_ans_3_1_1(ec_actx *a);
int ec_ans_3_1_2(ec_actx *a);
int ec_ans_3_2_1(ec_actx *a);
int ec_ans_3_2_2(ec_actx *a);
int ec_ans_3_2_3(ec_actx *a);
int ec_ans_3_3_1(ec_actx *a);
int ec_ans_3_3_2(ec_actx *a);
int ec_ans_3_3_3(ec_actx *a);
int ec_ans_3_3_4(ec_actx *a);
int ec_ans_3_3_5(ec_actx *a);
int ec_ans_3_3_6(ec_actx *a);
int ec_ans_3_3_7(ec_actx *a);

/* Exam order. Groups (fn == NULL) stand for the leaves below them. */
const ec_question ec_questions[] = {
	{"1", "True or false", 20, NULL},
	{"1.1", "Linear classifiers and imbalanced classes", 2, ec_ans_1_1},
	{"1.2", "Normalisation statistics and data splits", 2, ec_ans_1_2},
	{"1.3", "Softmax classifier with its weights doubled", 2, ec_ans_1_3},
	{"1.4", "Flip augmentation for digit images", 2, ec_ans_1_4},
	{"1.5", "Undoing batch norm and layer norm with gamma and beta", 2, ec_ans_1_5},
	{"1.6", "Multiclass SVM trained from zero weights", 2, ec_ans_1_6},
	{"1.7", "Accuracy as a training loss", 2, ec_ans_1_7},
	{"1.8", "Softmax under scaling of its input", 2, ec_ans_1_8},
	{"1.9", "Saturated activations and learned normalisation", 2, ec_ans_1_9},
	{"1.10", "Vanishing and exploding gradients outside RNNs", 2, ec_ans_1_10},
	{"2", "Multiple choice", 40, NULL},
	{"2.1", "What leaves kNN (L1) accuracy unchanged", 4, ec_ans_2_1},
	{"2.2", "Properties of the multiclass hinge loss", 4, ec_ans_2_2},
	{"2.3", "Test-time cost of kNN and a linear SVM", 4, ec_ans_2_3},
	{"2.4", "Nonzero terms of normalisation Jacobians across samples", 4, ec_ans_2_4},
	{"2.5", "Gradient descent on |x| and x^2: which runs converge", 4, ec_ans_2_5},
	{"2.6", "Choosing L1, L2 or Lp regularisation", 4, ec_ans_2_6},
	{"2.7", "Fully connected layers as convolutions", 4, ec_ans_2_7},
	{"2.8", "Receptive fields of a five-layer conv net", 4, ec_ans_2_8},
	{"2.9", "Pooling layers", 4, ec_ans_2_9},
	{"2.10", "Recurrent networks and their gradients", 4, ec_ans_2_10},
	{"3", "Short answer", 40, NULL},
	{"3.1", "Computational graphs", 10, NULL},
	{"3.1.1", "Gradients through a graph with 2** and clamp", 5, ec_ans_3_1_1},
	{"3.1.2", "Gradient through convolution and max pooling", 5, ec_ans_3_1_2},
	{"3.2", "3D convolution for video", 12, NULL},
	{"3.2.1", "Activation shapes and parameters of a 3D conv net", 6, ec_ans_3_2_1},
	{"3.2.2", "Spatiotemporal batch-norm parameters", 3, ec_ans_3_2_2},
	{"3.2.3", "Multiplications of 2D and 3D convolutions", 3, ec_ans_3_2_3},
	{"3.3", "Convolution on spatial graphs", 18, NULL},
	{"3.3.1", "Plain filter response at the marked location", 4, ec_ans_3_3_1},
	{"3.3.2", "Masked response over connected nodes", 4, ec_ans_3_3_2},
	{"3.3.3", "The mask one pixel to the left", 2, ec_ans_3_3_3},
	{"3.3.4", "What a 1 at the centre of the mask means", 1, ec_ans_3_3_4},
	{"3.3.5", "Translation invariance in image space", 2, ec_ans_3_3_5},
	{"3.3.6", "Removing the dependence on relative position", 2, ec_ans_3_3_6},
	{"3.3.7", "Layers needed to cover the whole graph", 3, ec_ans_3_3_7},
};

const size_t ec_question_count = sizeof(ec_questions) / sizeof(ec_questions[0]);

const ec_question *ec_question_find(const char *id)
{
	size_t i;

	for (i = 0; i < ec_question_count; i++)
		if (strcmp(ec_questions[i].id, id) == 0)
			return &ec_questions[i];
	return NULL;
}

int ec_question_normalise(const char *in, char *buf, size_t size)
{
	size_t n;

	if (in[0] == 'q' || in[0] == 'Q')
		in++;
	n = strlen(in);
	if (n == 0 || n >= size || !isdigit((unsigned char)in[0]))
		return 0;
	memcpy(buf, in, n + 1);
	return 1;
}

int ec_question_run(const ec_question *q, ec_actx *a)
{
	const ec_question *saved = a->q;
	int rc;

	ec_error_clear(&a->err);
	a->q = q;
	rc = q->fn(a);
	a->q = saved;
	return rc;
}
