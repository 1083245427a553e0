#!/usr/bin/env bash
# The GPU benchmarks of issue 13 in one go, for a lent device: the distill suite in float32 and with bf16 autocast,
# the scale suite at 100k items, n learners trained together; one JSON file each in OUT, and OUT/gpu_bench.json.
# Usage: scripts/gpu_bench.sh [--device cuda] [--out DIR] [--run DIR] [--work DIR] [--learners N] [--steps S] [--tiny]
# Dry run on the CPU at a tiny size (what the tests run): scripts/gpu_bench.sh --device cpu --tiny --out /tmp/gb
set -euo pipefail
DEVICE=cuda; TINY=0; OUT=nbs/results/bench/gpu; RUN=runs/ml-100k; WORK=runs/gpu_bench; N=10; STEPS=6
while [ $# -gt 0 ]; do
  case "$1" in
    --device) DEVICE=$2; shift 2;;
    --out) OUT=$2; shift 2;;
    --run) RUN=$2; shift 2;;           # run folder with the ML-100k teacher (trained first if it has none)
    --work) WORK=$2; shift 2;;         # generated logs, the scale suite's runs, an initial summary
    --learners) N=$2; shift 2;;        # learners of the eval suite (one after another, then together)
    --steps) STEPS=$2; shift 2;;       # timed outer steps of the distill suite
    --tiny) TINY=1; shift;;            # tiny sizes: a dry run that checks the script, not a measurement
    -h|--help) sed -n '2,5p' "$0"; exit 0;;
    *) echo "gpu_bench.sh: unknown option $1 (see --help)" >&2; exit 2;;
  esac
done
TD3=${TD3:-td3}                        # the td3 command (a path to the console script, if it is not on PATH)
PY=${PYTHON:-python3}                  # the Python that has td3_kit
mkdir -p "$OUT" "$WORK"
DATASET=ml-100k; SMALL=""; ITEMS=100000; USERS=6040; INTER=1000000
if [ "$TINY" = 1 ]; then
  SMALL="teacher.epochs=1 mu=6 zeta=12 syn_batch=3 inner_steps=6 window=3 real_batch=256 val_learners=1 pool_from=0"
  "$TD3" generate "$WORK/tiny.inter" --users 40 --items 300 --interactions 2000 > /dev/null
  DATASET="$WORK/tiny.inter"; RUN="$WORK/run"; ITEMS=300; USERS=40; INTER=2000; STEPS=1; N=2
fi
T0=$SECONDS; PARTS=""
part() {  # part NAME FILE td3-bench-arguments…: run one suite, note its file and seconds
  local name=$1 file=$2; shift 2
  local t=$SECONDS
  echo "== $name -> $OUT/$file"
  "$TD3" bench "$@" --device "$DEVICE" --out "$OUT/$file"
  PARTS="$PARTS${PARTS:+, }{\"name\": \"$name\", \"file\": \"$file\", \"s\": $((SECONDS - t))}"
}
part "distill float32" distill_fp32.json --suite distill --run "$RUN" --dataset "$DATASET" --steps "$STEPS" \
  --over "$SMALL"
part "distill bf16 autocast" distill_bf16.json --suite distill --run "$RUN" --dataset "$DATASET" --steps "$STEPS" \
  --over "$SMALL amp=true"
part "scale at $ITEMS items" scale.json --suite scale --run "$WORK/scale" --items "$ITEMS" --users "$USERS" \
  --interactions "$INTER" --over "$SMALL"
SUMMARY="$RUN/summary"
if [ ! -d "$SUMMARY" ]; then  # no distilled summary yet: the eval suite times learners on the initial one
  SUMMARY="$WORK/summary_init"
  "$PY" - "$RUN" "$SUMMARY" "$DATASET" "$SMALL" <<'PY'
import sys, torch
from td3_kit.distill import config_from
from td3_kit.train import load_teacher
from td3_kit.data import load_dataset
from td3_kit.summary import make_summary, save_summary
run, out, dataset, over = sys.argv[1:]
cfg, (teacher, tcfg) = config_from('ml-100k', over or None, dataset=dataset), load_teacher(run)
data = load_dataset(tcfg.dataset, max_len=tcfg.arch.max_len)
gen = torch.Generator().manual_seed(cfg.seed + 2)  # the initial summary of a run with this seed
s = make_summary(cfg.summary, data, teacher, cfg.mu, cfg.zeta, (cfg.d1, cfg.d2), gen, cfg.learn_v)
save_summary(s, out, dataset=data.stats['name'])
PY
fi
part "$N learners together" "eval_n$N.json" --suite eval --run "$RUN" --summary "$SUMMARY" --n "$N"
TINY_JSON=$([ "$TINY" = 1 ] && echo true || echo false)
printf '{"device": "%s", "tiny": %s, "total_s": %d, "parts": [%s]}\n' "$DEVICE" "$TINY_JSON" \
  $((SECONDS - T0)) "$PARTS" > "$OUT/gpu_bench.json"
cat "$OUT/gpu_bench.json"
