#include "question.h"

#include <ctype.h>
#include <string.h>


/* Exam order. Groups (leaf false) stand for the leaves below them. */
const ec_question ec_questions[] = {
	{"1", "True or false", 20, false},
	{"1.1", "Linear classifiers and imbalanced classes", 2, true},
	{"1.2", "Normalisation statistics and data splits", 2, true},
	{"1.3", "Softmax classifier with its weights doubled", 2, true},
	{"1.4", "Flip augmentation for digit images", 2, true},
	{"1.5", "Undoing batch norm and layer norm with gamma and beta", 2, true},
	{"1.6", "Multiclass SVM trained from zero weights", 2, true},
	{"1.7", "Accuracy as a training loss", 2, true},
	{"1.8", "Softmax under scaling of its input", 2, true},
	{"1.9", "Saturated activations and learned normalisation", 2, true},
	{"1.10", "Vanishing and exploding gradients outside RNNs", 2, true},
	{"2", "Multiple choice", 40, false},
	{"2.1", "What leaves kNN (L1) accuracy unchanged", 4, true},
	{"2.2", "Properties of the multiclass hinge loss", 4, true},
	{"2.3", "Test-time cost of kNN and a linear SVM", 4, true},
	{"2.4", "Nonzero terms of normalisation Jacobians across samples", 4, true},
	{"2.5", "Gradient descent on |x| and x^2: which runs converge", 4, true},
	{"2.6", "Choosing L1, L2 or Lp regularisation", 4, true},
	{"2.7", "Fully connected layers as convolutions", 4, true},
	{"2.8", "Receptive fields of a five-layer conv net", 4, true},
	{"2.9", "Pooling layers", 4, true},
	{"2.10", "Recurrent networks and their gradients", 4, true},
	{"3", "Short answer", 40, false},
	{"3.1", "Computational graphs", 10, false},
	{"3.1.1", "Gradients through a graph with 2** and clamp", 5, true},
	{"3.1.2", "Gradient through convolution and max pooling", 5, true},
	{"3.2", "3D convolution for video", 12, false},
	{"3.2.1", "Activation shapes and parameters of a 3D conv net", 6, true},
	{"3.2.2", "Spatiotemporal batch-norm parameters", 3, true},
	{"3.2.3", "Multiplications of 2D and 3D convolutions", 3, true},
	{"3.3", "Convolution on spatial graphs", 18, false},
	{"3.3.1", "Plain filter response at the marked location", 4, true},
	{"3.3.2", "Masked response over connected nodes", 4, true},
	{"3.3.3", "The mask one pixel to the left", 2, true},
	{"3.3.4", "What a 1 at the centre of the mask means", 1, true},
	{"3.3.5", "Translation invariance in image space", 2, true},
	{"3.3.6", "Removing the dependence on relative position", 2, true},
	{"3.3.7", "Layers needed to cover the whole graph", 3, true},
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

bool ec_question_normalise(const char *in, char *buf, size_t size)
{
	size_t n;

	if (in[0] == 'q' || in[0] == 'Q')
		in++;
	n = strlen(in);
	if (n == 0 || n >= size || !isdigit((unsigned char)in[0]))
		return false;
	memcpy(buf, in, n + 1);
	return true;
}

/* Whether `a` is `b` or a leading part of it ending before a '.'. */
static bool leads(const char *a, const char *b)
{
	size_t n = strlen(a);

	return strncmp(a, b, n) == 0 && (b[n] == '\0' || b[n] == '.');
}

const char *ec_question_of(const char *id)
{
	const char *best = NULL;
	size_t i;

	for (i = 0; i < ec_question_count; i++)
		if (leads(ec_questions[i].id, id) &&
		    (!best || strlen(ec_questions[i].id) > strlen(best)))
			best = ec_questions[i].id;
	return best;
}

const ec_module *ec_module_of(const char *id)
{
	const ec_module *best = NULL;
	size_t i;

	for (i = 0; i < ec_module_count; i++)
		if (leads(ec_modules[i]->id, id) &&
		    (!best || strlen(ec_modules[i]->id) > strlen(best->id)))
			best = ec_modules[i];
	return best;
}

/* ---- the sections' instructions ---- */

static void section_1(ec_text *t)
{
	ec_text_para(t, "Mark each statement True or False, or leave it blank. A right mark earns 2\n"
			"points, a wrong one costs 1 point (so guessing does not pay), a blank earns\n"
			"nothing. No explanation is needed.");
}

static void section_2(ec_text *t)
{
	ec_text_para(t, "Mark every option that applies: one or more. Each question is worth 4\n"
			"points, earned by marking the right options and no others. Where a question\n"
			"has several right options, each wrong or missing mark costs 2 points, down\n"
			"to 0. No explanation is needed.");
}

static void section_3(ec_text *t)
{
	ec_text_para(t, "Write each answer in the space given for it.");
}

static void section_3_1(ec_text *t)
{
	ec_text_para(t, "Two questions on backpropagation through small graphs.");
}

static const struct {
	const char *id;
	void (*fn)(ec_text *t);
	const char *phrase; /* in the paper's summary: "true or false 20" */
} sections[] = {
	{"1", section_1, "true or false"},
	{"2", section_2, "multiple choice"},
	{"3", section_3, "short answers"},
	{"3.1", section_3_1, NULL},
};

bool ec_section_text(const ec_question *q, ec_text *t)
{
	size_t i;

	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		if (strcmp(sections[i].id, q->id) == 0) {
			sections[i].fn(t);
			return true;
		}
	return false;
}

const char *ec_section_phrase(const char *id)
{
	size_t i;

	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		if (strcmp(sections[i].id, id) == 0)
			return sections[i].phrase;
	return NULL;
}

/* ---- the modules, in exam order ---- */

#define MODULE(name) extern const ec_module ec_module_##name;
#include "modules.def"
#undef MODULE

const ec_module *const ec_modules[] = {
#define MODULE(name) &ec_module_##name,
#include "modules.def"
#undef MODULE
};

const size_t ec_module_count = sizeof(ec_modules) / sizeof(ec_modules[0]);
