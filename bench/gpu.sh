#!/usr/bin/env bash
# The device benchmarks, one run on a lent GPU (aim: under 8 minutes on one H200), JSON beside the CPU figures:
#   distill_fp32.json, distill_bf16.json  `td3 bench --suite distill`: the reference settings, 6 outer steps (several
#                                         window starts), the kit beside the straightforward reference, its FLOPs and
#                                         floor; float32, then bf16 autocast (`amp=true`); compiled, as the preset says
#   distill_fp32_eager.json               the same in float32 without torch.compile (`compile=false`)
#   scale.json                            `td3 bench --suite scale` at 100,000 items (generated ML-1M-scale log):
#                                         kit, remat and reference, seconds per outer step and peak memory
#   eval.json                             `td3 bench --suite eval`: 10 learners on a saved summary, in turn and
#                                         together (the summary: one epoch of `td3 distill`)
# On a lent device, from the repository root:   bash bench/gpu.sh
# Dry run on the CPU at a tiny size (the tests):  DEVICE=cpu TINY=1 OUT=/tmp/g/out RUN=/tmp/g/run bash bench/gpu.sh
set -euo pipefail
DEVICE=${DEVICE:-cuda}; TINY=${TINY:-0}; OUT=${OUT:-nbs/results/bench/gpu}; RUN=${RUN:-runs/gpu}
mkdir -p "$OUT" "$RUN"
if [ "$TINY" = 1 ]; then  # a 60-user log and settings a few seconds long: checks the script, measures nothing
  td3 generate "$RUN/tiny.inter" --users 60 --items 200 --interactions 3000 --topics 10 > /dev/null
  data=(--dataset "$RUN/tiny.inter")
  small="mu=6 zeta=12 syn_batch=3 epochs=1 real_batch=2048 inner_steps=6 window=3 pool_from=0 val_learners=1"
  over="$small teacher.epochs=2"; steps=1; items=300; n=2
  rest="compile=false"  # the dry run compiles once (distill_fp32): every later process would compile again
  scale=(--users 60 --interactions 3000 --over "$small $rest")
else
  data=(); over=""; steps=6; items=100000; scale=(); n=10; rest=""
fi
t0=$(date +%s)
lap() { echo "[gpu.sh] $1 done after $(( $(date +%s) - t0 )) s" >&2; }
td3 bench --suite distill --run "$RUN/ml" "${data[@]}" --over "$over compile=false" --steps $steps --device "$DEVICE" \
  --out "$OUT/distill_fp32_eager.json" > /dev/null; lap "distill float32, eager"
td3 bench --suite distill --run "$RUN/ml" "${data[@]}" --over "$over" --steps $steps --device "$DEVICE" \
  --out "$OUT/distill_fp32.json" > /dev/null; lap "distill float32, compiled"
td3 bench --suite distill --run "$RUN/ml" "${data[@]}" --over "$over amp=true $rest" --steps $steps --device "$DEVICE" \
  --out "$OUT/distill_bf16.json" > /dev/null; lap "distill bf16 autocast"
td3 distill --out "$RUN/ml" "${data[@]}" --over "$over stop_after=1 $rest" --device "$DEVICE" --quiet > /dev/null
td3 bench --suite eval --run "$RUN/ml" --n $n --device "$DEVICE" --out "$OUT/eval.json" > /dev/null; lap "eval, $n learners"
td3 bench --suite scale --run "$RUN/scale" --items "$items" "${scale[@]}" --steps 3 --device "$DEVICE" \
  --out "$OUT/scale.json" > /dev/null; lap "scale at $items items"
