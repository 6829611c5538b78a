# sightline — build, test, benchmark and demo.
#   make            build ./build/sightline
#   make check      every test: unit, command line, ASan+UBSan, fuzz replay, the storage,
#                   command and web suites again on PostgreSQL (PG=no skips those); ends "N passed, N failed"
#   make check-quick  the edit-test loop: unit and command-line suites on the plain build
#   make bench      the benchmark table
#   make demo       install what is missing, build, load the example plan, show what is overdue
#   make deps       install the Debian packages the build needs (as root)
#   make fuzz       run each fuzz target for FUZZ_SECONDS (default 60)

CC        ?= cc
PKGS      := sqlite3 libsodium libmicrohttpd jansson xlsxwriter libzip expat libcurl libpq
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libmicrohttpd, libzip, libxlsxwriter and libcurl are opened on first use (src/util/lazy_lib.h):
# they cost milliseconds to load and only `serve`, the xlsx import/export and `remind` need
# them. The program names them by the SONAME of the library it was built against.
LAZY_PKGS := libmicrohttpd libzip xlsxwriter libcurl libpq
PKG_LIBS   := $(shell pkg-config --libs $(filter-out $(LAZY_PKGS),$(PKGS)) 2>/dev/null)
LAZY_LIBS  := $(shell pkg-config --libs $(LAZY_PKGS) 2>/dev/null)
soname = $(shell objdump -p $$($(CC) -print-file-name=lib$(1).so) 2>/dev/null | sed -n 's/^ *SONAME *//p')
SONAMES   := $(foreach l,MHD:microhttpd ZIP:zip XLSXWRITER:xlsxwriter CURL:curl PQ:pq,\
               $(if $(call soname,$(word 2,$(subst :, ,$(l)))),\
                 -DSL_$(word 1,$(subst :, ,$(l)))_SONAME='"$(call soname,$(word 2,$(subst :, ,$(l))))"'))
WARNINGS  := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2
CFLAGS    ?= -O2 -g
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(WARNINGS) $(CFLAGS) -Isrc $(PKG_CFLAGS) $(SONAMES)
LDLIBS    := $(PKG_LIBS) -ldl -lpthread -lm
# Tests and fuzz targets may call the lazily opened libraries directly.
TEST_LDLIBS := $(LAZY_LIBS) $(LDLIBS)
# The sanitized build also carries the storage layer's fault injection (SIGHTLINE_FAULT_AT).
SANITIZE  := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
             -DSL_FAULT_INJECTION

BUILD     := build
# Dependencies on headers come from the compiler (-MMD -MP: build/**/*.d), so
# touching a header rebuilds only the objects that include it.
DEPFLAGS  := -MMD -MP
# Every source file but the entry point goes into the library the tests link.
LIB_SRC   := $(sort $(wildcard src/util/*.c src/domain/*.c src/store/*.c src/store/sql/*.c src/store/sqlite/*.c src/store/pg/*.c \
                                src/import/*.c src/import/format/*.c src/import/kind/*/*.c src/report/*.c src/web/*.c)) \
             $(filter-out src/cli/main.c,$(sort $(wildcard src/cli/*.c)))
MAIN_SRC  := src/cli/main.c
UNIT_SRC  := $(sort $(wildcard tests/unit/*.c))
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60
# Only the tests see the test harness's headers.
TEST_INC  := -Itests/unit

.PHONY: all check check-built check-built-objects check-quick bench demo demo-built deps fuzz clean asan soak

REFERENCE := la-lookup.csv lad-2023-boundaries.geojson
all: $(BUILD)/sightline $(BUILD)/static/app.css $(addprefix $(BUILD)/data/,$(REFERENCE))

# Reference data the program reads at run time, installed beside the binary.
$(BUILD)/data/%: data/%
	@mkdir -p $(dir $@)
	cp $< $@

# Front-end assets: GOV.UK Frontend from the npm registry (package-lock.json
# pins it), copied beside the binary with sightline's own stylesheet.
GOVUK := node_modules/govuk-frontend/dist/govuk
$(GOVUK)/govuk-frontend.min.css: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(BUILD)/static/app.css: web/app.css $(GOVUK)/govuk-frontend.min.css
	@mkdir -p $(BUILD)/static/assets
	cp $(GOVUK)/govuk-frontend.min.css $(BUILD)/static/
	cp -r $(GOVUK)/assets/fonts $(GOVUK)/assets/images $(BUILD)/static/assets/
	cp web/app.css $@

# Two object sets. build/obj: the program as shipped (and the plain unit
# tests). build/asan/obj: one instrumented set (AddressSanitizer + UBSan, the
# storage layer's fault injection, and libFuzzer's coverage hooks when clang
# builds it) that the sanitized program, the sanitized unit tests and every
# fuzz target link, so each source file is compiled twice in all.
SAN_CC   := $(shell command -v clang >/dev/null 2>&1 && echo clang || echo $(CC))
FUZZ_COV := $(if $(filter clang,$(SAN_CC)),-fsanitize=fuzzer-no-link)
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
INSTRUMENT := -O1 $(SANITIZE) $(FUZZ_COV) -DSL_FAULT_INJECTION
LIB_OBJ  := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC))
ASAN_OBJ := $(patsubst %.c,$(BUILD)/asan/obj/%.o,$(LIB_SRC))
UNIT_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(UNIT_SRC))
ASAN_UNIT_OBJ := $(patsubst %.c,$(BUILD)/asan/obj/%.o,$(UNIT_SRC))

# The page templates (web/templates/*.html) compiled into one generated C
# file that both object sets carry (src/web/template.h reads it).
TEMPLATES := $(sort $(wildcard web/templates/*.html))
GEN_TEMPLATES := $(BUILD)/gen/templates.c
LIB_OBJ  += $(BUILD)/obj/gen/templates.o
ASAN_OBJ += $(BUILD)/asan/obj/gen/templates.o

$(GEN_TEMPLATES): scripts/embed_templates.py $(TEMPLATES) web/templates
	@mkdir -p $(dir $@)
	python3 scripts/embed_templates.py $@ $(TEMPLATES)

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c | deps-check
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(BUILD)/asan/obj/gen/%.o: $(BUILD)/gen/%.c | deps-check
	@mkdir -p $(dir $@)
	$(SAN_CC) $(ALL_CFLAGS) $(INSTRUMENT) $(DEPFLAGS) -c $< -o $@

$(BUILD)/obj/src/%.o: src/%.c | deps-check
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(BUILD)/obj/tests/%.o: tests/%.c | deps-check
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(TEST_INC) $(DEPFLAGS) -c $< -o $@

$(BUILD)/asan/obj/src/%.o: src/%.c | deps-check
	@mkdir -p $(dir $@)
	$(SAN_CC) $(ALL_CFLAGS) $(INSTRUMENT) $(DEPFLAGS) -c $< -o $@

$(BUILD)/asan/obj/tests/%.o: tests/%.c | deps-check
	@mkdir -p $(dir $@)
	$(SAN_CC) $(ALL_CFLAGS) $(INSTRUMENT) $(TEST_INC) $(DEPFLAGS) -c $< -o $@

$(BUILD)/sightline: $(LIB_OBJ) $(BUILD)/obj/src/cli/main.o
	$(CC) $(ALL_CFLAGS) $^ -o $@ $(LDLIBS)

$(BUILD)/unit_tests: $(LIB_OBJ) $(UNIT_OBJ)
	$(CC) $(ALL_CFLAGS) $^ -o $@ $(TEST_LDLIBS)

# The same program and tests built from the instrumented objects.
$(BUILD)/asan/sightline-asan: $(ASAN_OBJ) $(BUILD)/asan/obj/src/cli/main.o
	$(SAN_CC) $(ALL_CFLAGS) $(SANITIZE) $^ -o $@ $(LDLIBS)

$(BUILD)/asan/unit_tests: $(ASAN_OBJ) $(ASAN_UNIT_OBJ)
	$(SAN_CC) $(ALL_CFLAGS) $(SANITIZE) $^ -o $@ $(TEST_LDLIBS)

# The sanitized binary reads the same reference data beside it.
$(BUILD)/asan/data/%: data/%
	@mkdir -p $(dir $@)
	cp $< $@

asan: $(BUILD)/asan/sightline-asan $(BUILD)/asan/unit_tests $(addprefix $(BUILD)/asan/data/,$(REFERENCE))

# libFuzzer targets (clang only): each target's own file linked with the
# instrumented objects.
$(BUILD)/fuzz/%: $(BUILD)/asan/obj/tests/fuzz/%.o $(ASAN_OBJ)
	@mkdir -p $(BUILD)/fuzz
	clang $(ALL_CFLAGS) -fsanitize=fuzzer,address,undefined $^ -o $@ $(TEST_LDLIBS)

FUZZ_BINS := $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(FUZZ_SRC))

# The compiler-written header dependencies of every object built so far.
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# make check: installs what is missing, builds everything in parallel, then
# runs every suite (tests/run.sh runs independent suites side by side).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
check: deps
	@$(MAKE) --no-print-directory -j$(JOBS) check-built-objects
	@$(MAKE) --no-print-directory check-built

check-built-objects: all $(BUILD)/unit_tests asan $(FUZZ_BINS)

# The tests themselves, once everything they need is installed and built.
# The storage, command and web suites run on SQLite and again on a throwaway
# PostgreSQL cluster (scripts/pg-throwaway.sh); PG=no skips PostgreSQL, and says so.
PG ?= yes
check-built: check-built-objects
	@PG=$(PG) tests/run.sh

# The edit-test loop: the plain program, unit and command-line suites only.
check-quick:
	@$(MAKE) --no-print-directory -j$(JOBS) all $(BUILD)/unit_tests
	@tests/run.sh --quick

fuzz: $(FUZZ_BINS)
	@for f in $(FUZZ_BINS); do \
	  name=$$(basename $$f | sed 's/^fuzz_//'); mkdir -p $(BUILD)/fuzz/found-$$name; \
	  echo "== $$f for $(FUZZ_SECONDS)s"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=$(BUILD)/fuzz/ \
	      $(BUILD)/fuzz/found-$$name tests/fuzz/corpus/$$name || exit 1; \
	done

$(BUILD)/bench/seed_updates: bench/seed_updates.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $^ -o $@ $(LDLIBS)

$(BUILD)/bench/measure: bench/measure.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror $< -o $@

bench: $(BUILD)/sightline
	@bench/run.sh $(BUILD)/sightline

# A long run under load with RSS sampling (not part of make check).
SOAK_SECONDS ?= 600
soak: all
	@bench/soak.sh $(BUILD)/sightline $(SOAK_SECONDS)

# deps first, then a fresh make: the library flags above are read when make
# starts, so they must be read again once the packages are installed.
demo: deps
	@$(MAKE) --no-print-directory demo-built

demo-built: all
	@scripts/demo.sh $(BUILD)/sightline

deps:
	@scripts/install-deps.sh

# Fails early with a helpful line when the build's libraries are missing.
deps-check:
	@pkg-config --exists $(PKGS) || { echo "missing libraries: run 'make deps' (as root) first"; exit 1; }

clean:
	rm -rf $(BUILD)
