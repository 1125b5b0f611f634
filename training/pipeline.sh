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
if [ "$DIRECTION" = fr-en ]; then WORK=${WORK:-work}; VERSION=2.1.0; else WORK=${WORK:-work-$DIRECTION}; VERSION=2.0.0; fi
PY=/usr/bin/python3
CORPUS=${CORPUS:-../../shared/data/tatoeba-fra-eng/fra-eng.tsv}
# Augmentation rates of stages 2 and 3 (augment.py); see README.md, "Steps".
AUGMENT2=upper=0.03,title=0.02,noaccents=0.15,chat=0.15,typos=0.05,names=0.3,numbers=0.5,merge=0.05
AUGMENT3=upper=0.03,title=0.02,noaccents=0.15,chat=0.15,typos=0.05,names=0.1,coined=0.6,numbers=0.5,merge=0.05

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
$PY reference.py --checkpoint "$WORK/run3/final.pt" --data "$WORK/data" --scores "$WORK/run3/scores.json" \
    --hypotheses "$WORK/run3/test.beam5.txt" --fixtures "../src/test/resources/parity/$DIRECTION.json"
$PY export.py --checkpoint "$WORK/run3/final.pt" --data "$WORK/data" --out "../src/main/resources/models/$DIRECTION" \
    --scores "$WORK/run3/scores.json" --version "$VERSION" --run "$WORK/run" --run "$WORK/run2" --run "$WORK/run3"
