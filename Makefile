# Shortcuts; the scripts are the source of truth (see README.md).
.PHONY: serve test bench setup fmt
serve:
	bash scripts/serve.sh
test:
	bash scripts/test.sh
bench:
	bash scripts/bench.sh
setup:
	bash scripts/setup.sh
fmt:
	cargo fmt --all
