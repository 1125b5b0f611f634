#!/usr/bin/env bash
# Reproduces the shipped model from the corpus, end to end, resuming wherever it stopped:
#   training/pipeline.sh [--device cuda]
# Writes the model to src/main/resources/models/fr-en/ and the parity fixtures to
# src/test/resources/parity/fr-en.json. Intermediate files live in training/work/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")"
DEVICE=cpu
if [ "${1:-}" = "--device" ]; then DEVICE="$2"; fi
WORK=${WORK:-work}
PY=/usr/bin/python3
CORPUS=${CORPUS:-../../shared/data/tatoeba-fra-eng/fra-eng.tsv}

bash install.sh
[ -f "$WORK/data/target.model" ] || $PY prepare.py --corpus "$CORPUS" --out "$WORK/data"
$PY train.py --data "$WORK/data" --run "$WORK/run" --device "$DEVICE" --max-tokens 4000 --max-epochs 7 --max-hours 1.75
$PY reference.py --checkpoint "$WORK/run/best.pt" --data "$WORK/data" --scores "$WORK/run/scores.json" \
    --hypotheses "$WORK/run/test.beam5.en" --fixtures ../src/test/resources/parity/fr-en.json
$PY export.py --checkpoint "$WORK/run/best.pt" --data "$WORK/data" --out ../src/main/resources/models/fr-en \
    --scores "$WORK/run/scores.json" --run "$WORK/run"
