#include "examcheck/ec_utf8.h"

size_t ec_utf8_next(const char *s, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xBF; /* the second byte's range, set by the first */
	size_t n, k;

	*cp = EC_UTF8_INVALID;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		n = 2;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		n = 3;
		lo = p[0] == 0xE0 ? 0xA0 : 0x80; /* E0 80..9F would be overlong */
		hi = p[0] == 0xED ? 0x9F : 0xBF; /* ED A0..BF would be a surrogate */
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		n = 4;
		lo = p[0] == 0xF0 ? 0x90 : 0x80; /* F0 80..8F would be overlong */
		hi = p[0] == 0xF4 ? 0x8F : 0xBF; /* F4 90.. would be above U+10FFFF */
	} else {
		return 1; /* a continuation byte, C0, C1 or F5..FF */
	}
	if (p[1] < lo || p[1] > hi)
		return 1;
	for (k = 2; k < n; k++)
		if ((p[k] & 0xC0) != 0x80)
			return k; /* cut short: the bytes so far are one maximal subpart */
	*cp = p[0] & (0x7F >> n);
	for (k = 1; k < n; k++)
		*cp = *cp << 6 | (p[k] & 0x3F);
	return n;
}
