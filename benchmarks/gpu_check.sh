#!/usr/bin/env bash
# GPU check, run as one script on a CUDA machine from the repository root:
#   bash benchmarks/gpu_check.sh OUTDIR
# 1. the CuPy backend's tests (tests/bfs/test_cupy_backend.py), 2. the `gpu` growth suite, cayley's
# CuPy backend side by side with CayleyPy on the same GPU. Wheels in .whl/ (CayleyPy and the two
# packages it imports that a CUDA image may lack) are installed to /tmp/site first when present.
# Environment: SKIP_TESTS=1, TEST_SECONDS, BENCH_SECONDS, REPEAT, BACKENDS (default cupy; cupy,numba also
# times the CPU engines on the GPU machine's cores).
set -u
OUT=${1:-${OUT:-/tmp/gpu_check}}
mkdir -p "$OUT"
export PYTHONUNBUFFERED=1
export PYTHONPATH=$PWD
if compgen -G ".whl/*.whl" >/dev/null; then
    python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl \
        && export PYTHONPATH=/tmp/site:$PWD
fi
{
    nvidia-smi -L
    python3 - <<'PY'
import platform, cupy, numba, numpy
props = cupy.cuda.runtime.getDeviceProperties(0)
free, total = cupy.cuda.Device().mem_info
print("python", platform.python_version(), "numpy", numpy.__version__, "numba", numba.__version__, "cupy", cupy.__version__)
print("gpu", props["name"], "memory free/total GiB", round(free / 2**30, 1), round(total / 2**30, 1))
try:
    import torch, cayleypy  # noqa: F401
    print("torch", torch.__version__, "cuda", torch.cuda.is_available(), "cayleypy ok")
except Exception as exc:
    print("CayleyPy not importable:", type(exc).__name__, exc)
PY
} >"$OUT/env.txt" 2>&1
cat "$OUT/env.txt"
if [ -z "${SKIP_TESTS:-}" ]; then
    timeout "${TEST_SECONDS:-170}" python3 -m pytest -q -p no:cacheprovider tests/bfs/test_cupy_backend.py >"$OUT/tests.log" 2>&1
    echo "tests exit $?"; tail -25 "$OUT/tests.log"
fi
timeout "${BENCH_SECONDS:-300}" python3 benchmarks/bench_growth.py --suite gpu --backends "${BACKENDS:-cupy}" --cayleypy-device cuda \
    --no-gap --repeat "${REPEAT:-2}" --timeout 120 --out "$OUT/growth_gpu.md" >"$OUT/bench.log" 2>&1
echo "bench exit $?"; cat "$OUT/bench.log" | grep -v "^$" | tail -40
