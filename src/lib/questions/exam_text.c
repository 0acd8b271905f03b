/*
 * exam_text.c: the text of the questions not yet written as question
 * modules (question.h). Goes when the last of them does.
 */
#include <string.h>

#include "variant.h"

/* Questions whose text does not depend on the exam's numbers. */
static const struct {
	const char *id;
	const char *text;
} fixed[] = {
	{"1", "Mark each statement True or False, or leave it blank. A right mark earns 2\n"
	      "points, a wrong one costs 1 point (so guessing does not pay), a blank earns\n"
	      "nothing. No explanation is needed.\n"},
	{"1.1", "A linear classifier can still predict accurately when the classes of the\n"
		"data set are represented very unevenly.\n"},
	{"1.2", "To normalise data (subtract the mean, divide by the standard deviation), one\n"
		"usually computes the mean and standard deviation over the whole data set, and\n"
		"only then splits it into training, validation and test sets.\n"},
	{"1.3", "A softmax classifier with weights W gets every example of its data set\n"
		"right. With the weights doubled to 2W it keeps that accuracy and its\n"
		"cross-entropy loss (no regularisation) becomes smaller.\n"},
	{"1.4", "A small data set holds handwritten digits 0 to 9, equally many images of\n"
		"each. To train a digit recogniser, it is a good idea to enlarge it with\n"
		"copies of its images flipped at random, horizontally and vertically.\n"},
	{"1.5", "In batch normalisation the learned shift and scale (beta and gamma) can, at\n"
		"test time, exactly undo the centring and the division by the standard\n"
		"deviation. In layer normalisation no beta and gamma can do so.\n"},
	{"1.6", "An SVM classifier trained from W = 0 and b = 0 always ends with all entries\n"
		"of the learned W equal.\n"},
	{"1.7", "In binary classification, when accuracy is the only measure that counts,\n"
		"training with accuracy itself as the loss, instead of binary cross-entropy,\n"
		"could give better results. Accuracy is the fraction of the N examples whose\n"
		"prediction in [0, 1], rounded, equals the label in {0, 1}.\n"},
	{"1.8", "Softmax turns scores into a probability distribution, so scaling its input\n"
		"leaves its output unchanged: s(z) = s(cz) for every vector z and every real\n"
		"number c.\n"},
	{"1.9", "Activations that saturate or collapse to zero make learning hard. A learned\n"
		"normalisation (batch norm, layer norm and the like) can relieve this without\n"
		"changing the weights of the convolutional or fully connected layer.\n"},
	{"1.10", "Vanishing and exploding gradients are problems of recurrent networks only.\n"},
	{"2", "Mark every option that applies: one or more. Each question is worth 4\n"
	      "points, earned by marking the right options and no others. Where a question\n"
	      "has several right options, each wrong or missing mark costs 2 points, down\n"
	      "to 0. No explanation is needed.\n"},
	{"3", "Write each answer in the space given for it.\n"},
	{"3.1", "Two questions on backpropagation through small graphs.\n"},
	
	
	
	
	
	
	
};


int ec_exam_text_old(const ec_exam_params *p, const ec_question *q, ec_buf *b, ec_error *err)
{
	size_t i;

	(void)p;
	ec_error_clear(err);
	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (strcmp(fixed[i].id, q->id) == 0) {
			ec_buf_append(b, fixed[i].text);
			return b->data ? 0 : -1;
		}
	ec_error_set(err, EC_ERR_NOTFOUND, "no text for question %s", q->id);
	return -1;
}
