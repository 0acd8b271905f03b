#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "examcheck/ec_file.h"

/* Write `len` bytes to a new temporary file; its path goes to `path`. */
static void make_file(char path[32], const char *bytes, size_t len)
{
	int fd;

	strcpy(path, "/tmp/ec_test_fileXXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_true(write(fd, bytes, len) == (ssize_t)len);
	close(fd);
}

static void test_file_read_whole_file(void **state)
{
	char path[32], *text = NULL, big[20000];
	size_t len = 0, i;
	ec_error err;

	(void)state;
	/* larger than the first 8192-byte buffer: the growth path is taken */
	for (i = 0; i < sizeof(big); i++)
		big[i] = (char)('a' + i % 26);
	make_file(path, big, sizeof(big));
	assert_int_equal(ec_file_read(path, 1u << 20, &text, &len, &err), EC_OK);
	assert_int_equal(len, sizeof(big));
	assert_memory_equal(text, big, sizeof(big));
	assert_int_equal(text[len], '\0');
	free(text);
	remove(path);
}

static void test_file_read_keeps_nul_bytes_text_rejects_them(void **state)
{
	char path[32], *text = NULL;
	size_t len = 0;
	ec_error err;

	(void)state;
	make_file(path, "ab\0cd", 5);
	assert_int_equal(ec_file_read(path, 100, &text, &len, &err), EC_OK);
	assert_int_equal(len, 5);
	assert_memory_equal(text, "ab\0cd", 5);
	free(text);
	ec_error_clear(&err);
	assert_int_equal(ec_file_read_text(path, 100, &text, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "contains a NUL byte");
	assert_string_equal(err.file, path);
	assert_int_equal(err.line, 1);
	assert_null(text);
	remove(path);
}

/* The NUL's line: LF, CRLF and a lone CR each end one. */
static void test_file_read_text_nul_line(void **state)
{
	char path[32], *text = NULL;
	ec_error err;

	(void)state;
	make_file(path, "a\nb\r\nc\rd\r\n\0", 12); /* a, b, c, d, then line 5 */
	ec_error_clear(&err);
	assert_int_equal(ec_file_read_text(path, 100, &text, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "contains a NUL byte");
	assert_int_equal(err.line, 5);
	remove(path);
}

/* A directory is "is a directory", as a file that cannot be opened (not a read error). */
static void test_file_read_directory(void **state)
{
	char *text = NULL;
	size_t len;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_file_read("/tmp", 100, &text, &len, &err), EC_ERR_OPEN);
	assert_string_equal(err.file, "/tmp");
	assert_string_equal(err.msg, "is a directory");
	assert_null(text);
	assert_int_equal(ec_file_read_text("/tmp", 100, &text, &err), EC_ERR_OPEN);
	assert_string_equal(err.msg, "is a directory");
}

static void test_file_read_missing_file(void **state)
{
	char *text = NULL;
	size_t len;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_file_read("/nonexistent/dir/f", 100, &text, &len, &err), EC_ERR_OPEN);
	assert_string_equal(err.file, "/nonexistent/dir/f");
	assert_string_equal(err.msg, "cannot open: No such file or directory");
	assert_string_equal(ec_strerror(EC_ERR_OPEN), "cannot open");
}

static void test_file_read_too_large(void **state)
{
	char path[32], *text = NULL, buf[10] = "0123456789";
	size_t len;
	ec_error err;

	(void)state;
	make_file(path, buf, 10);
	assert_int_equal(ec_file_read(path, 9, &text, &len, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "file is larger than 9 bytes");
	assert_int_equal(ec_file_read(path, 10, &text, &len, &err), EC_OK); /* exactly max */
	assert_int_equal(len, 10);
	free(text);
	remove(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_file_read_whole_file),
		cmocka_unit_test(test_file_read_keeps_nul_bytes_text_rejects_them),
		cmocka_unit_test(test_file_read_text_nul_line),
		cmocka_unit_test(test_file_read_directory),
		cmocka_unit_test(test_file_read_missing_file),
		cmocka_unit_test(test_file_read_too_large),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
