"""NumPy peer for soma-bench: times the same workloads as Soma and prints JSON.

Usage: python3 numpy_peer.py CASE...   (cases: matmul-N, add, multiply, exp, log, tanh, relu)
Each case reports the best time per run in seconds, measured like soma-bench does:
repeat until at least MIN_TOTAL seconds have passed (and at least 3 runs), keep the fastest.
Installs numpy with pip when it is missing, so a fresh machine needs no set-up.
"""
import json
import subprocess
import sys
import time

try:
    import numpy as np
except ImportError:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "numpy"],
                          stdout=sys.stderr)
    import numpy as np

MIN_TOTAL = 0.3
ELEMENTS = 1_000_000


def best_time(run):
    run()  # warm-up: page faults, thread pool start-up
    best = float("inf")
    total = 0.0
    runs = 0
    while total < MIN_TOTAL or runs < 3:
        start = time.perf_counter()
        run()
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
        total += elapsed
        runs += 1
    return best


def workload(case):
    rng = np.random.default_rng(0)
    if case.startswith("matmul-"):
        n = int(case.split("-")[1])
        a = rng.uniform(-1, 1, (n, n))
        b = rng.uniform(-1, 1, (n, n))
        return lambda: a @ b
    x = rng.uniform(0.5, 2, ELEMENTS)
    y = rng.uniform(0.5, 2, ELEMENTS)
    return {
        "add": lambda: x + y,
        "multiply": lambda: x * y,
        "exp": lambda: np.exp(x),
        "log": lambda: np.log(x),
        "tanh": lambda: np.tanh(x),
        "relu": lambda: np.maximum(x, 0),
    }[case]


def main():
    results = {case: best_time(workload(case)) for case in sys.argv[1:]}
    results["numpy-version"] = np.__version__
    print(json.dumps(results))


if __name__ == "__main__":
    main()
