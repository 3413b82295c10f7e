#!/usr/bin/env bash
# Runs gradbench's own `gmm` eval (https://github.com/gradbench/gradbench) against
#   (a) gradbench's C++ `manual` tool, built as gradbench builds it outside Docker
#       (`make -C tools/manual`: g++ -std=c++17 -O3 -march=native), and
#   (b) this directory's tool (`ad-gradbench`, our `#[differentiable]` GMM),
# through gradbench's own intermediary (`gradbench run`, the Rust CLI in its repository),
# ROUNDS times with the two tools alternating, and prints one markdown table row per gmm size
# (table.py). gradbench validates every output of both tools against `manual` (rtol 1e-4);
# the table says whether every one was valid.
#
# Usage (from anywhere):
#   benches/gradbench/run.sh [ROUNDS] [-- EVAL_ARGS...]
#     ROUNDS      default 5
#     EVAL_ARGS   passed to gradbench's evals/gmm/run.py (default: its defaults, i.e.
#                 d in 2 10 20 32 64, k in 5 10 25 50 100, n = 1000, min-seconds 1);
#                 e.g. `-- -d 2 64 -k 5 --min-seconds 0.5`
# Environment:
#   GRADBENCH_SRC     a gradbench checkout (default: benches/gradbench/gradbench-src, cloned
#                     there with `git clone https://github.com/gradbench/gradbench` if absent;
#                     that directory is in .gitignore, never commit it)
#   CARGO_TARGET_DIR  for our tool (default: benches/gradbench/target)
#   OUT               where the logs and the table go (default: benches/gradbench/out/<time>)
#   TOOLS             which tools, in the order of odd rounds (even rounds reverse it); default
#                     "manual ours". Also known: "ours_ftz", our tool with AD_GRADBENCH_FTZ=1
#                     (subnormals flushed to zero; an experiment, see src/main.rs), and
#                     "manual_ftz", gradbench's manual tool with the same MXCSR bits set by an
#                     LD_PRELOAD shim (ftz.c)
#
# Needs: python3 with numpy, scipy, pydantic (`pip install numpy scipy pydantic`); g++;
# nlohmann json.hpp (`apt-get install nlohmann-json3-dev`, copied to cpp/json.hpp; gradbench's
# own `make -C cpp` downloads it with wget instead); cargo. No Docker.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROUNDS=5
if [[ $# -gt 0 && $1 != -- ]]; then
    ROUNDS=$1
    shift
fi
[[ ${1:-} == -- ]] && shift
EVAL_ARGS=("$@")

GB=${GRADBENCH_SRC:-$HERE/gradbench-src}
OUT=${OUT:-$HERE/out/$(date +%Y%m%d-%H%M%S)}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HERE/target}
NICE=(nice -n 10)

if [[ ! -d $GB/evals/gmm ]]; then
    echo "== cloning gradbench into $GB" >&2
    git clone --depth 1 https://github.com/gradbench/gradbench "$GB"
fi
GB=$(cd "$GB" && pwd)
mkdir -p "$OUT"

echo "== python deps" >&2
python3 -c 'import numpy, scipy, pydantic' || {
    echo "missing: pip install numpy scipy pydantic" >&2
    exit 1
}

echo "== gradbench's C++ manual tool (make -C tools/manual: -O3 -march=native)" >&2
if [[ ! -f $GB/cpp/json.hpp ]]; then
    if [[ -f /usr/include/nlohmann/json.hpp ]]; then
        cp /usr/include/nlohmann/json.hpp "$GB/cpp/json.hpp"
    else
        make -C "$GB/cpp"
    fi
fi
"${NICE[@]}" make -C "$GB/tools/manual" -B bin/gmm >&2

echo "== gradbench's CLI (cargo build -p gradbench --profile release-with-debug)" >&2
(cd "$GB" && "${NICE[@]}" cargo build --quiet --package=gradbench --profile=release-with-debug)
CLI=$GB/target/release-with-debug/gradbench

echo "== our tool (cargo build --release in $CARGO_TARGET_DIR)" >&2
"${NICE[@]}" cargo build --quiet --release --manifest-path "$HERE/Cargo.toml"
OURS=$CARGO_TARGET_DIR/release/ad-gradbench

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    # A checkout made with `git archive` has no .git: put the commit in $GB/REVISION.
    echo "gradbench: $(git -C "$GB" rev-parse HEAD 2>/dev/null || cat "$GB/REVISION" 2>/dev/null || echo unknown)"
    echo "ours: $(git -C "$HERE" rev-parse HEAD) $(git -C "$HERE" status --porcelain -- . | grep -q . && echo '(dirty)')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
    echo "g++: $(g++ --version | head -1)"
    echo "rustc: $(rustc --version)"
    echo "rounds: $ROUNDS; eval args: ${EVAL_ARGS[*]:-(defaults)}; tools: ${TOOLS:-manual ours}; RUSTFLAGS=${RUSTFLAGS:-}"
} | tee "$OUT/meta.txt" >&2

# The eval must run from gradbench's root: it validates by running tools/manual/bin/gmm.
cd "$GB"
export PYTHONPATH=$GB/python/gradbench${PYTHONPATH:+:$PYTHONPATH}
# `gradbench run` splits each command line like a shell (shlex) and runs it without Docker.
EVAL="python3 python/gradbench/gradbench/evals/gmm/run.py ${EVAL_ARGS[*]}"
declare -A TOOL=(
    [manual]="python3 python/gradbench/gradbench/cpp.py manual"
    [ours]=$(printf %q "$OURS")
    [ours_ftz]="env AD_GRADBENCH_FTZ=1 $(printf %q "$OURS")"
)
if [[ " ${TOOLS:-} " == *" manual_ftz "* ]]; then
    cc -O2 -shared -fPIC -o "$OUT/ftz.so" "$HERE/ftz.c"
    TOOL[manual_ftz]="env LD_PRELOAD=$(printf %q "$OUT/ftz.so") ${TOOL[manual]}"
fi
read -ra FIRST <<<"${TOOLS:-manual ours}"
for ((i = ${#FIRST[@]} - 1; i >= 0; i--)); do REVERSED+=("${FIRST[i]}"); done
for ((r = 1; r <= ROUNDS; r++)); do
    # Alternate the order of the tools, so slow drift of the machine hits all alike.
    if ((r % 2)); then order=("${FIRST[@]}"); else order=("${REVERSED[@]}"); fi
    for t in "${order[@]}"; do
        echo "== round $r/$ROUNDS: $t" >&2
        # A non-zero exit (e.g. an invalid output) is recorded in the log; keep going.
        "$CLI" run --eval "$EVAL" --tool "${TOOL[$t]}" -o "$OUT/r$r-$t.jsonl" >&2 ||
            echo "gradbench run exited with $? (round $r, $t)" | tee -a "$OUT/meta.txt" >&2
    done
done

python3 "$HERE/table.py" "$OUT" | tee "$OUT/table.md"
