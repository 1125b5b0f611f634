#!/usr/bin/env bash
# Installs the system packages the training pipeline needs on a fresh Debian machine.
# OpenBLAS is not optional: without it Debian's torch falls back to the reference BLAS
# and training runs more than 30x slower.
# With --missing, only prints the ones not installed yet (.ci/run installs them with its own, in one go).
set -euo pipefail
packages=(python3-torch python3-numpy python3-onnx python3-sentencepiece libopenblas0-pthread)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${1:-}" = "--missing" ]; then
  echo "${missing[@]}"
  exit 0
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
/usr/bin/python3 -c "import torch, numpy, onnx, sentencepiece"
