# Quarry: common tasks. `make test` is what CI runs.
.PHONY: build release run test tck tck-full tck-spark spark-cluster-test tck-explain readline graphviz xmllint bench bench-spark bench-algo algo-check bench-files bench-find crash-test fuzz

readline:
	@dpkg -s libreadline-dev >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq libreadline-dev)

# :draw lays drawings out with Graphviz's dot, and shows them on sixel terminals with img2sixel.
graphviz:
	@command -v dot >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq graphviz)
	@command -v img2sixel >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq libsixel-bin)

# The GraphML export is checked with xmllint, and the DOT export read back with pydot.
xmllint:
	@command -v xmllint >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq libxml2-utils)
	@python3 -c "import networkx, pydot" >/dev/null 2>&1 || python3 -m pip install -q pydot networkx || true

build:
	swift build

release:
	swift build -c release

run: readline graphviz build
	.build/debug/quarry

# The Spark tests run against a local Spark Connect server (.ci/spark-server: pyspark from PyPI,
# Java 17); without Java they say so and skip. They run after the others, not beside them: with
# the server busy on 2 cores, the pseudo-terminal tests' time limits (Ctrl-C answered within 2 s)
# would be measured under a load that is not Quarry's.
test: readline graphviz xmllint
	swift build --build-tests
	@ours=1; ! .ci/spark-server status >/dev/null 2>&1 || ours=0; \
	url=$$(.ci/spark-server start 2>&1 | tail -n 1); \
	case "$$url" in sc://*) export QUARRY_SPARK_URL="$$url";; *) echo "make test: no Spark Connect server ($$url): the Spark tests will skip";; esac; \
	swift test --skip 'QuarrySparkTests|SparkShellTests'; result=$$?; \
	if [ $$result = 0 ]; then swift test --filter 'QuarrySparkTests|SparkShellTests'; result=$$?; fi; \
	if [ $$result = 0 ] && [ -n "$${QUARRY_SPARK_URL:-}" ]; then python3 .ci/tck_spark.py --url "$$QUARRY_SPARK_URL"; result=$$?; fi; \
	if [ $$ours = 1 ] && [ -n "$${QUARRY_SPARK_URL:-}" ]; then .ci/spark-server stop >/dev/null 2>&1 || true; fi; \
	exit $$result

# The crash harness at length: 2,000 kills of a writing quarry (make test runs 200).
crash-test: readline
	swift build --build-tests
	QUARRY_CRASH_KILLS=2000 swift test --filter CrashHarnessTests

# The openCypher TCK core subset (needs ../shared/tck). Prints the runner's last line.
tck: release
	@if [ ! -d ../shared/tck ]; then echo "tck: ../shared/tck is absent, skipping"; exit 0; fi
	python3 ../shared/tck/tck_run.py --features ../shared/tck/features \
	    --adapter cli --cmd '.build/release/quarry --empty --no-rc' \
	    --include @../shared/tck/core-subset.txt --jobs 2 --timeout 10 --json-report tck.json > tck.out 2>&1 || true
	@grep -E "^(clauses|expressions)" tck.out | sort | head -60 || true
	@tail -n 1 tck.out

# The event-graph benchmark beside Kuzu: make bench SCALE=S|M|L (see bench/run.py).
SCALE ?= S
# The whole TCK: at least 98% pass, and each scenario that does not is listed with its reason in
# Tests/TCK/not-passing.txt.
tck-full: release
	python3 .ci/tck_full.py

# The TCK's read-only core scenarios on Spark (setup in memory, exported as CSV, queried on Spark);
# make test runs this too when a server is up. Scenarios that do not pass: Tests/TCK/spark-not-passing.txt.
tck-spark:
	swift build --product quarry
	@url=$$(.ci/spark-server start | tail -n 1) && python3 .ci/tck_spark.py --url $$url

# The same Spark tests against a standalone cluster on loopback (one master, two workers), to show
# that nothing depends on local mode.
spark-cluster-test: readline
	swift build --build-tests
	@url=$$(.ci/spark-server start-cluster | tail -n 1); \
	case "$$url" in sc://*) ;; *) echo "spark-cluster-test: no cluster ($$url)"; exit 1;; esac; \
	QUARRY_SPARK_URL="$$url" swift test --filter 'QuarrySparkTests|SparkShellTests'; result=$$?; \
	if [ $$result = 0 ]; then python3 .ci/tck_spark.py --url "$$url"; result=$$?; fi; \
	.ci/spark-server stop-cluster >/dev/null 2>&1 || true; \
	exit $$result

tck-explain: release
	python3 .ci/tck_explain.py

bench:
	swift build -c release --product quarry-bench
	python3 bench/run.py --scale $(SCALE)

# Graph files beside CSV import, and the journal's cost: make bench-files SCALE=L (bench/graph_file.py).
bench-algo:
	swift build -c release --product quarry-bench
	@test -x bench/.venv/bin/python || python3 -m venv bench/.venv
	@bench/.venv/bin/python -c "import igraph, networkit, networkx" 2>/dev/null || bench/.venv/bin/pip install -q igraph networkit networkx
	bench/.venv/bin/python bench/algo.py --scale $(SCALE) --networkit

# Quarry on Spark beside hand-written Spark SQL, the in-memory engine and Kuzu: make bench-spark SCALE=M
bench-spark:
	swift build -c release --product quarry-bench
	@url=$$(.ci/spark-server start | tail -n 1) && python3 bench/spark_compare.py --scale $(SCALE) --url $$url

bench-files: readline
	swift build -c release --product quarry
	python3 bench/graph_file.py --scale $(SCALE)

# :find over the scale's graph, first search and warm: make bench-find SCALE=L (bench/find.py).
bench-find: readline
	swift build -c release --product quarry
	python3 bench/find.py --scale $(SCALE)

# Coverage-guided fuzzing with libFuzzer: make fuzz TARGET=query|script|csv|jsonl|graphml|dot|graphfile SECONDS=60.
# Seeds come from the test cases and datasets (Tests/Fuzz/make-seeds.sh); findings land in .build-fuzz/findings/TARGET
# and are replayed with: QUARRY_FUZZ_TARGET=TARGET .build/debug/quarry-fuzz FILE...
TARGET ?= query
SECONDS ?= 60
fuzz: readline
	swift build --product quarry
	swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -DFUZZING --product quarry-fuzz
	Tests/Fuzz/make-seeds.sh $(CURDIR)/.build/debug/quarry .build-fuzz/seeds
	mkdir -p .build-fuzz/corpus/$(TARGET) .build-fuzz/findings/$(TARGET)
	SWIFT_BACKTRACE=enable=no QUARRY_FUZZ_TARGET=$(TARGET) .build-fuzz/debug/quarry-fuzz .build-fuzz/corpus/$(TARGET) .build-fuzz/seeds/$(TARGET) \
	    -max_total_time=$(SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
	    -artifact_prefix=.build-fuzz/findings/$(TARGET)/ -print_final_stats=1

# Graph algorithms against networkx node by node on the benchmark graph: make algo-check SCALE=M.
algo-check: release
	@bench/.venv/bin/python -c "import networkx" 2>/dev/null || bench/.venv/bin/pip install -q networkx
	bench/.venv/bin/python bench/algo_check.py --scale $(SCALE)
