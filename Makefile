# examcheck: see README.md. GNU make.
#   make            build build/libexamcheck.a and build/examcheck
#   make test       unit tests (cmocka), the fuzz corpora replayed
#                   (tests/fuzz/corpus/) and golden CLI tests
#   make sanitize   the whole test suite under ASan + UBSan (in build-san/),
#                   built with clang when present (its UBSan sees more), the
#                   fuzz corpora replayed per file and all in one process
#   make tsan       unit tests and the roster CLI tests under ThreadSanitizer
#                   (clang when present; in build-tsan/)
#   make bench      grade's speed against the reading floor, and the
#                   commands' times (bench/README.md; BENCH_RUNS=5)
#   make fuzz       build the libFuzzer harnesses tests/fuzz/fuzz_*.c with
#                   clang (ASan + UBSan, in build-fuzz/) and run each for
#                   FUZZ_SECONDS (60); FUZZ_TARGETS='csv expr' picks some.
#                   New inputs go to build-fuzz/corpus/NAME/, crashes to
#                   build-fuzz/crash/NAME/; tests/fuzz/README.md says how to
#                   keep one. 'make test' replays the committed corpus
#                   tests/fuzz/corpus/NAME/ through the same harnesses.
#   make install    PREFIX (default /usr/local) and DESTDIR honoured: the
#                   program, the library, its headers (examcheck.h includes
#                   them all), examcheck.pc for pkg-config, the man pages
#                   examcheck(1) and examcheck-formats(5) and the bash
#                   completion
#   make uninstall  remove what make install wrote
#   make format     clang-format the sources
#   make clean
# The build prints a short line per file; V=1 shows the commands.

CC ?= cc
PREFIX ?= /usr/local
BUILD ?= build
OPT ?= -O2 -g
WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
CFLAGS ?=
CPPFLAGS += -Iinclude -D_POSIX_C_SOURCE=200809L
ifneq ($(WERROR),)
WARN += -Werror
endif
ALL_CFLAGS = $(WARN) $(OPT) $(CFLAGS)
LDLIBS = -lm
VERSION := $(shell sed -n 's/^\#define EC_VERSION "\(.*\)"/\1/p' include/examcheck/ec_common.h)

ifeq ($(V),1)
Q =
say = @:
else
Q = @
say = @printf '  %-6s %s\n'
endif

LIB_SRC := $(sort $(wildcard src/lib/*.c src/lib/exam/*.c src/lib/grading/*.c src/lib/questions/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/test_*.c))
FUZZ_NAMES := $(sort $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c)))
EMBED := $(sort $(wildcard data/*.graph data/*.figure data/rubric))

LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded.o
APP_OBJ := $(CLI_SRC:src/%.c=$(BUILD)/%.o)
TESTS := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
REPLAYS := $(FUZZ_NAMES:%=$(BUILD)/fuzz/replay_%)
HEADERS := $(wildcard include/examcheck/*.h src/lib/*.h src/lib/*/*.h src/cli/*.h)
DEPS := $(filter-out %/embedded.d,$(LIB_OBJ:.o=.d)) $(APP_OBJ:.o=.d) $(TESTS:=.d) $(REPLAYS:=.d)

LIB := $(BUILD)/libexamcheck.a
BIN := $(BUILD)/examcheck

.PHONY: all test unit cli-test sanitize tsan fuzz bench install uninstall format clean check-cmocka
.DELETE_ON_ERROR:

all: $(LIB) $(BIN)

# Objects depend on the headers they include (-MMD -MP), not on every header.
$(BUILD)/%.o: src/%.c
	@mkdir -p $(@D)
	$(say) CC $<
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

-include $(DEPS)

$(BUILD)/gen/embedded.c: $(EMBED) src/lib/questions/embed.sh
	@mkdir -p $(@D)
	$(say) GEN $@
	$(Q)sh src/lib/questions/embed.sh $(EMBED) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/embedded.o: $(BUILD)/gen/embedded.c
	$(say) CC $<
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@mkdir -p $(@D)
	$(say) AR $@
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(BIN): $(APP_OBJ) $(LIB)
	$(say) LINK $@
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(APP_OBJ) $(LIB) $(LDLIBS)

CMOCKA_HINT = cmocka is not installed. Install it with: apt-get install libcmocka-dev

check-cmocka:
	@printf '#include <stdarg.h>\n#include <stddef.h>\n#include <setjmp.h>\n#include <stdint.h>\n#include <cmocka.h>\nint main(void){return 0;}\n' \
	  | $(CC) -x c - -o /dev/null -lcmocka >/dev/null 2>&1 \
	  || { echo "$(CMOCKA_HINT)" >&2; exit 1; }

# Test programs, like objects, depend on the headers they include (-MMD -MP).
$(BUILD)/tests/%: tests/%.c $(LIB) | check-cmocka
	@mkdir -p $(@D)
	$(say) CC $<
	$(Q)$(CC) $(CPPFLAGS) -Isrc/lib/grading -Isrc/lib/questions $(ALL_CFLAGS) -Wno-strict-prototypes -MMD -MP -MF $@.d -MT $@ -o $@ $< $(LIB) -lcmocka $(LDLIBS)

# A CLI module's test links the module's object too.
CLI_TESTS := $(BUILD)/tests/test_tmpfiles
$(CLI_TESTS): $(BUILD)/tests/test_%: tests/test_%.c $(BUILD)/cli/%.o $(LIB) | check-cmocka
	@mkdir -p $(@D)
	$(say) CC $<
	$(Q)$(CC) $(CPPFLAGS) -Isrc/cli $(ALL_CFLAGS) -Wno-strict-prototypes -MMD -MP -MF $@.d -MT $@ -o $@ $< $(BUILD)/cli/$*.o $(LIB) -lcmocka $(LDLIBS)

# A harness without libFuzzer: replay.c feeds it the files of its corpus.
$(BUILD)/fuzz/replay_%: tests/fuzz/replay.c tests/fuzz/fuzz_%.c $(LIB)
	@mkdir -p $(@D)
	$(say) CC $@
	$(Q)$(CC) $(CPPFLAGS) -Isrc/lib/grading $(ALL_CFLAGS) $(LDFLAGS) -MMD -MP -MF $@.d -MT $@ -o $@ tests/fuzz/replay.c tests/fuzz/fuzz_$*.c $(LIB) $(LDLIBS)

test: all check-cmocka $(TESTS) $(REPLAYS)
	@sh tests/run-tests.sh $(BUILD) $(TESTS)

# clang when present: its UBSan finds the load of an uninitialised bool that
# gcc's misses, and the corpus replayed in one process (as libFuzzer runs it)
# finds a stale stack slot that one process per file does not.
SAN_CC = $(shell command -v clang >/dev/null 2>&1 && echo clang || echo $(CC))

sanitize:
	$(MAKE) BUILD=build-san CC=$(SAN_CC) OPT="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		LDFLAGS="-fsanitize=address,undefined" test

# ThreadSanitizer does not see glibc's C11 threads: tests/tsan/threads.h,
# first on the include path, maps them onto pthreads. A race stops the
# program (halt_on_error) and leaves a report under build-tsan/tsan-log/,
# which fails the target even when the case's output was unaffected.
TSAN_CC = $(shell command -v clang >/dev/null 2>&1 && echo clang || echo cc)
TSAN_LOG = $(CURDIR)/build-tsan/tsan-log

tsan:
	rm -rf $(TSAN_LOG) && mkdir -p $(TSAN_LOG)
	status=0; \
	CPPFLAGS="-Itests/tsan $$CPPFLAGS" \
	TSAN_OPTIONS="halt_on_error=1 log_path=$(TSAN_LOG)/report $$TSAN_OPTIONS" \
	$(MAKE) BUILD=build-tsan CC=$(TSAN_CC) OPT="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" \
		LDFLAGS="-fsanitize=thread" LDLIBS="-lm -lpthread" CLI_CASES='tests/cli/grade_roster*.sh tests/cli/grade_report*.sh tests/tsan/*.sh' \
		test || status=$$?; \
	if ls $(TSAN_LOG) | grep -q .; then cat $(TSAN_LOG)/*; status=1; \
		echo "tsan: ThreadSanitizer reports above (kept in $(TSAN_LOG))" >&2; fi; \
	exit $$status

# libFuzzer (clang only): the library is built again in build-fuzz/ with
# coverage instrumentation (fuzzer-no-link) under ASan + UBSan, then each
# harness is linked with libFuzzer and run by tests/fuzz/run.sh with its
# own -max_len.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= $(FUZZ_NAMES)
FUZZ_OPTIONS ?=
FUZZ_FLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_MAX_LEN_csv = 4096
FUZZ_MAX_LEN_roster = 2048
FUZZ_MAX_LEN_sheet = 2048
FUZZ_MAX_LEN_rubric = 1024
FUZZ_MAX_LEN_keyio = 2048
FUZZ_MAX_LEN_layers = 256
FUZZ_MAX_LEN_expr = 1024
FUZZ_MAX_LEN_figure = 4096

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c build-fuzz/libexamcheck.a $(wildcard tests/fuzz/*.h)
	$(FUZZ_CC) $(CPPFLAGS) -Isrc/lib/grading $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< build-fuzz/libexamcheck.a $(LDLIBS)

fuzz:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || \
		{ echo "make fuzz: $(FUZZ_CC) not found; libFuzzer comes with clang (apt-get install clang)" >&2; exit 1; }
	@printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' \
	  | $(FUZZ_CC) -x c - -fsanitize=fuzzer -o /dev/null >/dev/null 2>&1 || \
		{ echo "make fuzz: $(FUZZ_CC) cannot link with -fsanitize=fuzzer (no libFuzzer)" >&2; exit 1; }
	$(MAKE) BUILD=build-fuzz CC=$(FUZZ_CC) OPT="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" build-fuzz/libexamcheck.a
	$(MAKE) $(FUZZ_TARGETS:%=build-fuzz/fuzz_%)
	@status=0; \
	$(foreach t,$(FUZZ_TARGETS),sh tests/fuzz/run.sh $(t) $(or $(FUZZ_MAX_LEN_$(t)),4096) $(FUZZ_SECONDS) $(FUZZ_OPTIONS) || status=1;) \
	exit $$status

bench: all
	CC="$(CC)" sh bench/run.sh $(BUILD)

PCDIR = $(PREFIX)/lib/pkgconfig
MANDIR = $(PREFIX)/share/man
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PCDIR) \
		$(DESTDIR)$(PREFIX)/include/examcheck $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/examcheck
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libexamcheck.a
	printf '%s\n' 'prefix=$(PREFIX)' 'includedir=$${prefix}/include' 'libdir=$${prefix}/lib' '' \
		'Name: examcheck' \
		'Description: the computations and grading of a deep-learning practice midterm' \
		'Version: $(VERSION)' 'Cflags: -I$${includedir}' 'Libs: -L$${libdir} -lexamcheck -lm' \
		> $(DESTDIR)$(PCDIR)/examcheck.pc
	chmod 644 $(DESTDIR)$(PCDIR)/examcheck.pc
	install -m 644 include/examcheck.h $(DESTDIR)$(PREFIX)/include/examcheck.h
	install -m 644 include/examcheck/*.h $(DESTDIR)$(PREFIX)/include/examcheck/
	install -m 644 src/cli/examcheck.1 $(DESTDIR)$(MANDIR)/man1/examcheck.1
	install -m 644 src/cli/examcheck-formats.5 $(DESTDIR)$(MANDIR)/man5/examcheck-formats.5
	install -m 644 completion/examcheck.bash $(DESTDIR)$(BASHCOMPDIR)/examcheck

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/examcheck $(DESTDIR)$(PREFIX)/lib/libexamcheck.a \
		$(DESTDIR)$(PCDIR)/examcheck.pc $(DESTDIR)$(PREFIX)/include/examcheck.h \
		$(DESTDIR)$(MANDIR)/man1/examcheck.1 $(DESTDIR)$(MANDIR)/man5/examcheck-formats.5 \
		$(DESTDIR)$(BASHCOMPDIR)/examcheck
	rm -rf $(DESTDIR)$(PREFIX)/include/examcheck

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) $(TEST_SRC) $(HEADERS) $(wildcard tests/fuzz/*.[ch])

clean:
	rm -rf build build-san build-tsan build-fuzz
