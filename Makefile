# evalsheet: `make demo` and `make test` do all set-up on a fresh Debian machine.
SWIFT ?= swift
PYTHON := /usr/bin/python3
BIN := .build/debug/evalsheet
DEMO := out/demo
SEED := Fixtures/tsv/000_e57ca213149e2c8b.txt
# Release builds link the Swift runtime and Foundation in: the installed binary runs without a Swift toolchain, and
# starts in about 13 ms instead of 21 (the shared libraries' relocations fault in a thousand pages at every start).
RELEASE_BUILD := $(SWIFT) build -c release --static-swift-stdlib

# Debian packages the build and the tests need; installed when missing.
BUILD_PACKAGES := libxlsxwriter-dev libzip-dev libexpat1-dev libdeflate-dev
TEST_PACKAGES := python3-jsonschema python3-openpyxl libreoffice-calc-nogui poppler-utils fonts-noto-cjk fonts-crosextra-carlito \
	chromium chromium-driver python3-selenium

BENCH_PACKAGES := python3-openpyxl python3-xlsxwriter gcc

.PHONY: build demo test deps test-deps bench fuzz clean serve install
PREFIX ?= /usr/local
HOST ?= 127.0.0.1
PORT ?= 8080

deps:
	@missing=$$(for p in $(BUILD_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test-deps: deps
	@missing=$$(for p in $(TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build

demo: build
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(BIN) convert $(SEED) $(DEMO)/seed.json
	$(BIN) convert $(DEMO)/seed.json $(DEMO)/seed.tsv
	$(BIN) convert $(DEMO)/seed.json $(DEMO)/seed-gb18030.txt --encoding gb18030
	$(BIN) convert $(SEED) $(DEMO)/seed.xlsx
	$(BIN) convert $(DEMO)/seed.xlsx $(DEMO)/seed-from-xlsx.json
	$(BIN) template $(DEMO)/blank-import-template.xlsx --from $(SEED)
	$(BIN) template $(DEMO)/empty-template.xlsx
	$(BIN) convert $(SEED) $(DEMO)/seed-in-mof-layout.xlsx --layout mof
	$(BIN) convert Fixtures/real/daying-2023-sichuan/form.xlsx $(DEMO)/sichuan-form.json
	@echo "demo outputs in $(DEMO):" && ls -l $(DEMO)

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(PYTHON) Tests/scripts/check_json_schema.py $(BIN)
	rm -rf out/xlsx-check
	$(PYTHON) Tests/scripts/check_xlsx_template.py $(BIN) out/xlsx-check
	rm -rf out/xlsx-print
	$(PYTHON) Tests/scripts/check_xlsx_print.py $(BIN) out/xlsx-print
	$(PYTHON) Tests/scripts/check_annotated.py $(BIN) out/annotated-check
	mkdir -p out/browser
	$(PYTHON) Tests/browser/page_test.py $(BIN) out/browser
	$(PYTHON) Tests/browser/load_test.py $(BIN)

# The web page for clerks on http://$(HOST):$(PORT)/ (set EVALSHEET_TOKEN to require a token).
serve: build
	$(BIN) serve --host $(HOST) --port $(PORT)

# A release build into $(PREFIX)/bin (evalsheet, and evalsheet-serve, the web server `evalsheet serve` starts) with
# bash, zsh and fish completions and a man page, all from the argument parser.
install: deps
	$(RELEASE_BUILD) --product evalsheet
	$(RELEASE_BUILD) --product evalsheet-serve
	$(RELEASE_BUILD) --product generate-manual
	rm -rf out/install && mkdir -p out/install
	.build/release/generate-manual .build/release/evalsheet --output-directory out/install
	install -D -s -m 755 .build/release/evalsheet $(DESTDIR)$(PREFIX)/bin/evalsheet
	install -D -s -m 755 .build/release/evalsheet-serve $(DESTDIR)$(PREFIX)/bin/evalsheet-serve
	install -D -m 644 out/install/evalsheet.1 $(DESTDIR)$(PREFIX)/share/man/man1/evalsheet.1
	.build/release/evalsheet --generate-completion-script bash > out/install/evalsheet.bash
	.build/release/evalsheet --generate-completion-script zsh > out/install/_evalsheet
	.build/release/evalsheet --generate-completion-script fish > out/install/evalsheet.fish
	install -D -m 644 out/install/evalsheet.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/evalsheet
	install -D -m 644 out/install/_evalsheet $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_evalsheet
	install -D -m 644 out/install/evalsheet.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/evalsheet.fish
	@echo "installed $$($(DESTDIR)$(PREFIX)/bin/evalsheet --version) into $(DESTDIR)$(PREFIX)"

# Speed against openpyxl, XlsxWriter, the libxlsxwriter floor and the libzip + expat read floor; see Benchmarks/run.py.
bench: deps
	@missing=$$(for p in $(BENCH_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; fi
	$(RELEASE_BUILD) --product evalsheet
	$(RELEASE_BUILD) --product evalsheet-bench
	mkdir -p out/bench
	cc -O2 -o out/bench/floor Benchmarks/floor.c -lxlsxwriter
	cc -O2 -o out/bench/read_floor Benchmarks/read_floor.c -lzip -ldeflate -lexpat
	$(PYTHON) Benchmarks/run.py .build/release/evalsheet .build/release/evalsheet-bench out/bench/floor out/bench/read_floor out/bench/work

# libFuzzer on each reader (tsv, json, xlsx, and the worksheet XML past the zip layer) for FUZZ_SECONDS each, and
# on the plain-XML reader against expat (xml-plain: their events must agree wherever the plain reader reads a part),
# seeded from Fixtures/; then tsv-memory (the TSV reader on its input repeated to 2 MiB, under FUZZ_TSV_RSS_MB:
# the blank-line blow-up of issue 11 took 100 times its input) and xlsx-roundtrip (any text put into the seed form
# must come back unchanged from XLSX and TSV).
# A crash is saved in out/fuzz/crashes/; replay it with `EVALSHEET_FUZZ_FORMAT=… out/fuzz/evalsheet-fuzz FILE` and add it to Fixtures/bad/.
FUZZ_SECONDS ?= 60
FUZZ_TSV_RSS_MB ?= 256
FUZZ_SOURCES = $(shell find Sources/EvalSheet -name '*.swift') $(wildcard Sources/evalsheet-fuzz/*.swift)
# every system-library module (Sources/C*/module.modulemap), so a new C library needs no change here
FUZZ_MODULES = $(patsubst %/module.modulemap,-I %,$(wildcard Sources/C*/module.modulemap))
FUZZ_RUN = LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/fuzz/lsan-suppressions.txt out/fuzz/evalsheet-fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1

fuzz: build
	rm -rf out/fuzz/corpus out/fuzz/crashes out/fuzz/evalsheet-fuzz && mkdir -p out/fuzz/corpus/tsv out/fuzz/corpus/json out/fuzz/corpus/xlsx out/fuzz/corpus/sheet-xml out/fuzz/corpus/xml-plain out/fuzz/corpus/tsv-memory out/fuzz/corpus/xlsx-roundtrip out/fuzz/crashes
	find Fixtures -name '*.txt' -o -name '*.tsv' | xargs -I{} cp {} out/fuzz/corpus/tsv/
	find Fixtures -name '*.json' -size -1M | xargs -I{} cp {} out/fuzz/corpus/json/
	find Fixtures -name '*.xlsx' -size -100k | xargs -I{} cp {} out/fuzz/corpus/xlsx/
	$(PYTHON) -c 'import glob, os, zipfile; [open("out/fuzz/corpus/sheet-xml/" + os.path.basename(f) + ".xml", "wb").write(zipfile.ZipFile(f).read("xl/worksheets/sheet1.xml")) for f in glob.glob("Fixtures/xlsx/*.xlsx")]'
	$(PYTHON) -c 'import glob, os, zipfile; [open("out/fuzz/corpus/xml-plain/%s-%s" % (os.path.basename(f), n.replace("/", "_")), "wb").write(z.read(n)) for f in glob.glob("Fixtures/xlsx/*.xlsx") for z in [zipfile.ZipFile(f)] for n in z.namelist() if n.endswith((".xml", ".rels"))]'
	printf 'x\t\ty\n' > out/fuzz/corpus/tsv-memory/cells && printf '\351\241\271\t' > out/fuzz/corpus/tsv-memory/cjk
	printf '=HYPERLINK("x")' > out/fuzz/corpus/xlsx-roundtrip/formula && printf 'a\r\nb\001_x0041_' > out/fuzz/corpus/xlsx-roundtrip/escapes
	cp $$(find .build/plugins/outputs -name EmbeddedTemplates.swift | head -1) out/fuzz/EmbeddedTemplates.swift
	mkdir -p out/fuzz/CStdioFilter && printf 'module CStdioFilter {\n    header "%s"\n    export *\n}\n' \
		"$(CURDIR)/Sources/CStdioFilter/include/stdio_filter.h" > out/fuzz/CStdioFilter/module.modulemap
	cc -O2 -c -fsanitize=address -I Sources/CStdioFilter/include Sources/CStdioFilter/stdio_filter.c -o out/fuzz/stdio_filter.o
	swiftc -O -sanitize=fuzzer,address -parse-as-library -DFUZZING -module-name EvalSheet \
		$(FUZZ_MODULES) -I out/fuzz/CStdioFilter $(FUZZ_SOURCES) \
		out/fuzz/EmbeddedTemplates.swift out/fuzz/stdio_filter.o -o out/fuzz/evalsheet-fuzz 2>&1 | grep -v "warning: Cannot export local symbol" || true
	test -x out/fuzz/evalsheet-fuzz
	for format in tsv json xlsx sheet-xml xml-plain; do \
		EVALSHEET_FUZZ_FORMAT=$$format $(FUZZ_RUN) out/fuzz/corpus/$$format -rss_limit_mb=2048 -max_len=200000 \
			-artifact_prefix=out/fuzz/crashes/$$format- 2>&1 | grep -E 'Done|peak_rss|ERROR|SUMMARY' || exit 1; \
	done
	EVALSHEET_FUZZ_FORMAT=tsv-memory ASAN_OPTIONS=quarantine_size_mb=16 $(FUZZ_RUN) out/fuzz/corpus/tsv-memory \
		-rss_limit_mb=$(FUZZ_TSV_RSS_MB) -max_len=4096 -artifact_prefix=out/fuzz/crashes/tsv-memory- 2>&1 | grep -E 'Done|peak_rss|ERROR|SUMMARY' || exit 1
	EVALSHEET_FUZZ_FORMAT=xlsx-roundtrip $(FUZZ_RUN) out/fuzz/corpus/xlsx-roundtrip -rss_limit_mb=2048 -max_len=2000 \
		-artifact_prefix=out/fuzz/crashes/xlsx-roundtrip- 2>&1 | grep -E 'Done|peak_rss|ERROR|SUMMARY' || exit 1
	@found=$$(ls out/fuzz/crashes | wc -l); echo "crashes found: $$found"; test $$found -eq 0

clean:
	rm -rf .build .build-* out
