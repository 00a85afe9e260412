# gangyao: analyzer for Chinese speeches and official reports.
#
#   make            build build/gangyao and build/libgangyao.a (make V=1: show the commands)
#   make run        set up what building needs, build and analyze the bundled sample speech
#   make test       set up the test tools too, build and run every test
#   make deb        build/gangyao_VERSION_ARCH.deb (Debian's dpkg-deb)
#   make bench      speed and memory on a ~100 MB corpus
#   make deps       install the Debian packages gangyao needs
#   make install    PREFIX=/usr/local DESTDIR=   (make uninstall undoes it)
#   make SAN=1 ...  build and test with AddressSanitizer + UBSan (in build-san/)
#   make TSAN=1 ... build and test with ThreadSanitizer (in build-tsan/)
#   make fuzz       libFuzzer targets for the whole pipeline and rule files (clang)
#   make fuzz-run   a ten-minute libFuzzer run of each (FUZZ_SECONDS=600)

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR ?= $(DATADIR)/zsh/vendor-completions

# Commands are not echoed unless V=1; warnings and errors are shown.
ifeq ($(V),1)
Q =
else
Q = @
endif
PKG_CONFIG ?= pkg-config
PYTHON ?= $(shell for p in python3 /usr/bin/python3; do $$p -c 'import jsonschema' 2>/dev/null && { echo $$p; break; }; done)

DEPS_PKGS = libpcre2-8 libcjson opencc
DEBIAN_BUILD_PKGS = build-essential pkg-config libpcre2-dev libcjson-dev libopencc-dev
DEBIAN_TEST_PKGS = python3 python3-jsonschema python3-distributed parallel chromium fonts-wqy-zenhei
# the browser test drives chromium from node (puppeteer-core, from npm)
DEBIAN_NODE_PKGS = nodejs npm

CC ?= cc
OPT ?= -O3
CFLAGS ?= $(OPT) -g
WARNINGS = -Wall -Wextra -pedantic -Wshadow -Wconversion -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif
BUILD ?= build
ifeq ($(SAN),1)
BUILD = build-san
CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif
ifeq ($(TSAN),1)
BUILD = build-tsan
CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=thread
LDFLAGS += -fsanitize=thread
endif

HAVE_DEPS := $(shell $(PKG_CONFIG) --exists $(DEPS_PKGS) 2>/dev/null && echo yes)
DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(DEPS_PKGS) 2>/dev/null)
DEP_LIBS := $(shell $(PKG_CONFIG) --libs $(DEPS_PKGS) 2>/dev/null)
# the OpenCC version --version names (its C API has no call that says it)
OPENCC_VERSION := $(shell $(PKG_CONFIG) --modversion opencc 2>/dev/null)
# glibc has iconv built in; other C libraries need GNU libiconv.
ICONV_LIBS ?= $(shell printf '\043include <iconv.h>\nint main(void){return iconv_open("","")==0;}\n' \
                | $(CC) -x c - -o /dev/null 2>/dev/null || echo -liconv)

# The library's stages, one folder each; their private headers are found
# by name from any of them.
STAGES = core input tokenize rules extract render diff archive
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARNINGS) $(CFLAGS) \
             -Iinclude $(STAGES:%=-Isrc/%) -I$(BUILD) $(DEP_CFLAGS)
LIBS = $(DEP_LIBS) $(ICONV_LIBS) -lm
# The command-line tool runs --jobs on POSIX threads; the library has none.
CLI_SRCS = $(sort $(wildcard src/cli/*.c))

LIB_SRCS = $(sort $(foreach s,$(STAGES),$(wildcard src/$(s)/*.c)))
LIB_HDRS = $(foreach s,$(STAGES),$(wildcard src/$(s)/*.h))
LIB_OBJS = $(patsubst %.c,$(BUILD)/obj/%.o,$(notdir $(LIB_SRCS))) $(BUILD)/obj/rules_data.o
vpath %.c $(STAGES:%=src/%)
RULE_FILES = $(sort $(wildcard data/rules/*.json))
UNIT_SRCS = $(sort $(wildcard tests/unit/*.c))
SAMPLE = tests/corpus/party-building-speech.txt

.PHONY: FORCE all run test check unit golden golden-update eval schema fuzz-replay \
        bench deps deps-build setup setup-build check-deps install uninstall clean fuzz fuzz-run \
        deb completions

all: check-deps $(BUILD)/gangyao $(BUILD)/libgangyao.a completions

# Shell completion, written by the tool from its one table of options.
completions: $(BUILD)/gangyao.bash $(BUILD)/_gangyao
$(BUILD)/gangyao.bash: $(BUILD)/gangyao
	$(Q)./$(BUILD)/gangyao --completion bash > $@
$(BUILD)/_gangyao: $(BUILD)/gangyao
	$(Q)./$(BUILD)/gangyao --completion zsh > $@

check-deps:
ifneq ($(HAVE_DEPS),yes)
	@echo "gangyao: missing libraries: install the Debian packages $(DEBIAN_BUILD_PKGS) (or run 'make deps')" >&2
	@exit 1
endif

# Installs what building needs (apt-get; sudo when not root).
deps-build:
	@if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	 set -x; $$sudo apt-get update && \
	 $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
	   $(DEBIAN_BUILD_PKGS)

# Installs what building and testing need.
deps:
	@if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	 node=; command -v npm >/dev/null 2>&1 || node="$(DEBIAN_NODE_PKGS)"; \
	 set -x; $$sudo apt-get update && \
	 $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
	   $(DEBIAN_BUILD_PKGS) $(DEBIAN_TEST_PKGS) $$node

# `make deps-build` only when something building needs is missing.
setup-build:
	@if ! $(PKG_CONFIG) --exists $(DEPS_PKGS) 2>/dev/null || \
	    ! command -v cc >/dev/null 2>&1; then $(MAKE) --no-print-directory deps-build; fi

# `make deps` only when something testing needs is missing.
setup: setup-build
	@if ! command -v parallel >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1 || \
	    ! command -v npm >/dev/null 2>&1 || [ -z "$(PYTHON)" ]; then \
	    $(MAKE) --no-print-directory deps; fi

run: setup-build
	@$(MAKE) --no-print-directory all
	@./$(BUILD)/gangyao $(SAMPLE)

test: setup
	@$(MAKE) --no-print-directory check

check: all $(BUILD)/test_unit $(BUILD)/fuzz_replay $(BUILD)/fuzz_rules_replay
	@bash tests/run_all.sh $(BUILD) "$(PYTHON)"

unit: all $(BUILD)/test_unit
	./$(BUILD)/test_unit

golden: all
	@bash tests/golden/run.sh $(BUILD)/gangyao

golden-update: all
	$(PYTHON) tests/rules/make.py $(BUILD)/gangyao
	@bash tests/golden/run.sh $(BUILD)/gangyao --update

# The compiler flags as a file that changes when they do, so that a build
# with other flags (make OPT=-O2, CFLAGS=...) compiles everything again
# instead of linking objects built with the old ones.
$(BUILD)/cflags: FORCE | $(BUILD)
	@echo '$(ALL_CFLAGS)' | cmp -s - $@ || echo '$(ALL_CFLAGS)' > $@

$(BUILD)/obj/%.o: %.c include/gangyao.h $(LIB_HDRS) $(BUILD)/cflags | check-deps $(BUILD)/obj
	$(Q)$(CC) $(ALL_CFLAGS) -DGY_OPENCC_VERSION='"$(OPENCC_VERSION)"' -c $< -o $@

$(BUILD)/obj/rules_data.o: $(BUILD)/rules_data.c src/rules/embedded.h $(BUILD)/cflags | $(BUILD)/obj
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c $< -o $@

$(BUILD)/rules_data.c: $(RULE_FILES) $(BUILD)/embed
	$(Q)./$(BUILD)/embed $@ gy_builtin_rule_files $(RULE_FILES)

$(BUILD)/embed: tools/embed.c | $(BUILD)
	$(Q)$(CC) -std=c11 -O1 $(WARNINGS) $< -o $@

$(BUILD)/libgangyao.a: $(LIB_OBJS)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $(LIB_OBJS)

$(BUILD)/gangyao: $(CLI_SRCS) $(wildcard src/cli/*.h) include/gangyao.h $(BUILD)/libgangyao.a
	$(Q)$(CC) $(ALL_CFLAGS) -pthread $(CLI_SRCS) $(BUILD)/libgangyao.a $(LDFLAGS) $(LIBS) -pthread -o $@

$(BUILD)/test_unit: $(UNIT_SRCS) tests/unit/test.h $(BUILD)/libgangyao.a
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit $(UNIT_SRCS) $(BUILD)/libgangyao.a $(LDFLAGS) $(LIBS) -o $@

$(BUILD)/fuzz_replay: tests/fuzz/fuzz_pipeline.c tests/fuzz/replay.c $(BUILD)/libgangyao.a
	$(Q)$(CC) $(ALL_CFLAGS) tests/fuzz/fuzz_pipeline.c tests/fuzz/replay.c \
	    $(BUILD)/libgangyao.a $(LDFLAGS) $(LIBS) -o $@

$(BUILD)/fuzz_rules_replay: tests/fuzz/fuzz_rules.c tests/fuzz/replay.c $(BUILD)/libgangyao.a
	$(Q)$(CC) $(ALL_CFLAGS) tests/fuzz/fuzz_rules.c tests/fuzz/replay.c \
	    $(BUILD)/libgangyao.a $(LDFLAGS) $(LIBS) -o $@

$(BUILD) $(BUILD)/obj:
	$(Q)mkdir -p $@

# libFuzzer builds of the same targets: make fuzz && ./build-fuzz/fuzz_pipeline tests/fuzz/corpus
# A run of FUZZ_SECONDS (ten minutes by default) of each target: the
# pipeline over the corpus and 1 MB inputs of joined lines (new inputs kept
# in build-fuzz/corpus), then rule files from the built-in set and the
# rule-error tests (new ones in build-fuzz/rule-corpus):
#   make fuzz-run            make fuzz-run FUZZ_SECONDS=60
FUZZ_SECONDS ?= 600
fuzz-run: fuzz all
	$(PYTHON) tests/fuzz/seeds.py build-fuzz/seeds
	mkdir -p build-fuzz/corpus build-fuzz/rule-corpus build-fuzz/rule-seeds
	./build-fuzz/fuzz_pipeline -max_len=1100000 -max_total_time=$(FUZZ_SECONDS) -timeout=60 \
	    -rss_limit_mb=4096 -print_final_stats=1 build-fuzz/corpus build-fuzz/seeds \
	    tests/fuzz/corpus tests/corpus
	./build/gangyao rules --dump > build-fuzz/rule-seeds/builtin.json
	cp tests/rules/*.json build-fuzz/rule-seeds/
	./build-fuzz/fuzz_rules -max_len=200000 -max_total_time=$(FUZZ_SECONDS) -timeout=60 \
	    -rss_limit_mb=4096 -print_final_stats=1 -dict=tests/fuzz/rules.dict \
	    build-fuzz/rule-corpus build-fuzz/rule-seeds

fuzz:
	$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang \
	    CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" build-fuzz/libgangyao.a
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    -Iinclude tests/fuzz/fuzz_pipeline.c build-fuzz/libgangyao.a $(DEP_LIBS) -lm \
	    -o build-fuzz/fuzz_pipeline
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    -Iinclude tests/fuzz/fuzz_rules.c build-fuzz/libgangyao.a $(DEP_LIBS) -lm \
	    -o build-fuzz/fuzz_rules

bench: all $(BUILD)/gy_bench
	./$(BUILD)/gy_bench $(BUILD)/gangyao tests/corpus

$(BUILD)/gy_bench: bench/bench.c $(BUILD)/libgangyao.a
	$(Q)$(CC) $(ALL_CFLAGS) bench/bench.c $(BUILD)/libgangyao.a $(LDFLAGS) $(LIBS) -o $@

# The library is static, so its users link its dependencies too.
$(BUILD)/gangyao.pc: FORCE | $(BUILD)
	$(Q)printf 'prefix=%s\nlibdir=%s\nincludedir=%s\n\nName: gangyao\nDescription: %s\nVersion: %s\nRequires: libpcre2-8 libcjson opencc\nLibs: -L$${libdir} -lgangyao %s -lm\nCflags: -I$${includedir}\n' \
	    '$(PREFIX)' '$(LIBDIR)' '$(INCLUDEDIR)' 'Analyzer for Chinese speeches and official reports' \
	    "$$(sed -n 's/^#define GY_VERSION "\(.*\)"/\1/p' include/gangyao.h)" '$(ICONV_LIBS)' > $@

install: all $(BUILD)/gangyao.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR) \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 $(BUILD)/gangyao $(DESTDIR)$(BINDIR)/gangyao
	install -m 644 $(BUILD)/gangyao.bash $(DESTDIR)$(BASHCOMPDIR)/gangyao
	install -m 644 $(BUILD)/_gangyao $(DESTDIR)$(ZSHCOMPDIR)/_gangyao
	install -m 644 $(BUILD)/libgangyao.a $(DESTDIR)$(LIBDIR)/libgangyao.a
	install -m 644 include/gangyao.h $(DESTDIR)$(INCLUDEDIR)/gangyao.h
	install -m 644 $(BUILD)/gangyao.pc $(DESTDIR)$(LIBDIR)/pkgconfig/gangyao.pc
	install -m 644 docs/gangyao.1 $(DESTDIR)$(MANDIR)/man1/gangyao.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gangyao $(DESTDIR)$(LIBDIR)/libgangyao.a \
	    $(DESTDIR)$(INCLUDEDIR)/gangyao.h $(DESTDIR)$(LIBDIR)/pkgconfig/gangyao.pc \
	    $(DESTDIR)$(MANDIR)/man1/gangyao.1 $(DESTDIR)$(BASHCOMPDIR)/gangyao \
	    $(DESTDIR)$(ZSHCOMPDIR)/_gangyao

# A Debian package of the binary, man page, completions, header, static
# library and pkg-config file, made with Debian's own tools: the files
# installed under /usr in a staging tree, the dependencies found by
# dpkg-shlibdeps from the libraries the binary links, dpkg-deb to pack.
VERSION = $(shell sed -n 's/^\#define GY_VERSION "\(.*\)"/\1/p' include/gangyao.h)
DEB_ARCH = $(shell dpkg --print-architecture 2>/dev/null)
DEB = $(BUILD)/gangyao_$(VERSION)_$(DEB_ARCH).deb
deb: all
	$(Q)rm -rf $(BUILD)/deb $(BUILD)/debsrc
	$(Q)$(MAKE) --no-print-directory install PREFIX=/usr DESTDIR=$(CURDIR)/$(BUILD)/deb \
	    LIBDIR=/usr/lib/$$(dpkg-architecture -qDEB_HOST_MULTIARCH) >/dev/null
	$(Q)strip --strip-unneeded $(BUILD)/deb/usr/bin/gangyao
	$(Q)strip --strip-debug $(BUILD)/deb/usr/lib/*/libgangyao.a
	$(Q)gzip -9n $(BUILD)/deb/usr/share/man/man1/gangyao.1
	$(Q)install -d $(BUILD)/deb/DEBIAN $(BUILD)/debsrc/debian $(BUILD)/deb/usr/share/doc/gangyao
	$(Q)install -m 644 LICENSE $(BUILD)/deb/usr/share/doc/gangyao/copyright
	$(Q)printf 'Source: gangyao\n\nPackage: gangyao\nArchitecture: any\n' > $(BUILD)/debsrc/debian/control
	$(Q)depends=$$(cd $(BUILD)/debsrc && dpkg-shlibdeps -O $(CURDIR)/$(BUILD)/deb/usr/bin/gangyao 2>/dev/null \
	    | sed -n 's/^shlibs:Depends=//p'); \
	 size=$$(du -sk $(BUILD)/deb/usr | cut -f1); \
	 printf '%s\n' 'Package: gangyao' 'Version: $(VERSION)' 'Architecture: $(DEB_ARCH)' \
	    'Maintainer: gangyao developers <gangyao@invalid>' "Depends: $$depends" \
	    "Installed-Size: $$size" 'Section: text' 'Priority: optional' \
	    'Homepage: https://gangyao.invalid' \
	    'Description: analyzer for Chinese speeches and official reports' \
	    ' Reads a speech or a government work report and prints its title, sections,' \
	    ' numbered tasks and quantitative targets (value, bound, unit, indicator, year)' \
	    ' as text, JSON, CSV or HTML; compares two reports; tabulates goals against' \
	    ' outcomes across reports.' > $(BUILD)/deb/DEBIAN/control
	$(Q)dpkg-deb --root-owner-group --build $(BUILD)/deb $(DEB) >/dev/null
	@echo $(DEB)

clean:
	rm -rf build build-san build-tsan build-fuzz
