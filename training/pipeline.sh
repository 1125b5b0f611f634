#!/usr/bin/env bash
# Reproduces a shipped model from the corpus, end to end, resuming wherever it stopped:
#   training/pipeline.sh [--direction fr-en|en-fr] [--device cuda]
# Writes the model to src/main/resources/models/DIRECTION/ and the parity fixtures to
# src/test/resources/parity/DIRECTION.json. Intermediate files live in training/work/ (fr-en) or
# training/work-DIRECTION/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")"
DEVICE=cpu
DIRECTION=fr-en
while [ $# -gt 0 ]; do
  case "$1" in
    --device) DEVICE="$2"; shift 2 ;;
    --direction) DIRECTION="$2"; shift 2 ;;
    *) echo "usage: training/pipeline.sh [--direction fr-en|en-fr] [--device cuda]" >&2; exit 2 ;;
  esac
done
if [ "$DIRECTION" = fr-en ]; then WORK=${WORK:-work}; VERSION=3.1.1; else WORK=${WORK:-work-$DIRECTION}; VERSION=2.2.1; fi
PY=/usr/bin/python3
CORPUS=${CORPUS:-../../shared/data/tatoeba-fra-eng/fra-eng.tsv}
# Augmentation rates of stages 2 and 3 (augment.py); see README.md, "Steps".
AUGMENT2=upper=0.03,title=0.02,noaccents=0.15,chat=0.15,typos=0.05,names=0.3,numbers=0.5,merge=0.05
AUGMENT3=upper=0.03,title=0.02,noaccents=0.15,chat=0.15,typos=0.05,names=0.1,coined=0.6,numbers=0.5,merge=0.05
AUGMENT4=$AUGMENT3,long=0.25

bash install.sh
[ -f "$WORK/data/target.model" ] || $PY prepare.py --corpus "$CORPUS" --out "$WORK/data" --direction "$DIRECTION"
[ -f "$WORK/data/train.align" ] || $PY wordalign.py --data "$WORK/data"
# Stage 1: clean pairs (model v1).
$PY train.py --data "$WORK/data" --run "$WORK/run" --device "$DEVICE" --max-tokens 4000 --max-epochs 7 --max-hours 1.75
# Stage 2: from stage 1's weights, augmented pairs and attention guided by the word alignments.
$PY train.py --data "$WORK/data" --run "$WORK/run2" --device "$DEVICE" --init "$WORK/run/best.pt" \
    --alignments "$WORK/data/train.align" --augment "$AUGMENT2" --lr 1e-3 --max-tokens 4000 --max-epochs 3 --max-hours 1
# Stage 3: from stage 2's weights, most names coined so that they must be copied, not memorised.
$PY train.py --data "$WORK/data" --run "$WORK/run3" --device "$DEVICE" --init "$WORK/run2/best.pt" \
    --alignments "$WORK/data/train.align" --augment "$AUGMENT3" --lr 1e-3 --max-tokens 4000 --max-epochs 3 --max-hours 1
$PY average.py --data "$WORK/data" --run "$WORK/run3" --out "$WORK/run3/final.pt"
RUNS=("$WORK/run" "$WORK/run2" "$WORK/run3")
if [ "$DIRECTION" = fr-en ]; then
  # Stage 4 (French -> English 3.0.0 only): inputs as long as forum comments, 5 to 8 pairs joined, pairs of up
  # to 160 pieces kept. 18 epochs, the average of the last two (or the best epoch, on dev).
  $PY train.py --data "$WORK/data" --run "$WORK/run4-long" --device "$DEVICE" --init "$WORK/run3/final.pt" \
      --alignments "$WORK/data/train.align" --augment "$AUGMENT4" --lr 1e-3 --max-tokens 4000 --max-len 160 \
      --max-epochs 18 --patience 3 --max-hours 7
  $PY average.py --data "$WORK/data" --run "$WORK/run4-long" --out "$WORK/run4-long/final.pt" --max-average 2
  RUNS+=("$WORK/run4-long")
  FINAL=$WORK/run4-long/final.pt
else
  # Stage 4 (English -> French 2.2.0): the register marks (register.py), so that a request can ask for tu or vous:
  # two epochs from stage 3's weights, its source embedding grown by the two marks.
  $PY train.py --data "$WORK/data" --run "$WORK/run4-register" --device "$DEVICE" --init "$WORK/run3/final.pt" \
      --register --alignments "$WORK/data/train.align" --augment "$AUGMENT3" --lr 5e-4 --max-tokens 4000 \
      --max-epochs 2 --max-hours 1.5
  $PY average.py --data "$WORK/data" --run "$WORK/run4-register" --out "$WORK/run4-register/final.pt" --max-average 2
  # 70 % of the way from stage 3's weights to these: the marks followed, nothing lost without one (interpolate.py).
  $PY interpolate.py --data "$WORK/data" --base "$WORK/run3/final.pt" --tuned "$WORK/run4-register/final.pt" --weight 0.7 \
      --out "$WORK/run4-register/interpolated.pt"
  RUNS+=("$WORK/run4-register")
  FINAL=$WORK/run4-register/interpolated.pt
fi
LAST=${RUNS[-1]}
# The alignment layer, trained beside the frozen model on the word links.
$PY aligner.py --data "$WORK/data" --checkpoint "$FINAL" --alignments "$WORK/data/train.align" \
    --run "$WORK/align" --out "$LAST/aligned.pt"
CHECKPOINT=$LAST/aligned.pt
$PY reference.py --checkpoint "$CHECKPOINT" --data "$WORK/data" --scores "$LAST/scores.json" \
    --hypotheses "$LAST/test.beam5.txt" --fixtures "../src/test/resources/parity/$DIRECTION.json"
$PY export.py --checkpoint "$CHECKPOINT" --data "$WORK/data" --out "../src/main/resources/models/$DIRECTION" \
    --scores "$LAST/scores.json" --version "$VERSION" "${RUNS[@]/#/--run=}"
