"""CPython peer for soma-bench: the Hodgkin-Huxley neuron by forward Euler.

The same loop, operation for operation, as hodgkin_huxley.soma, so both print the
same numbers. Prints JSON: the best time of one full simulation and its results;
the potential also as text (its shortest round-trip repr), since some JSON readers
do not parse doubles exactly.
"""
import json
import math
import sys
import time


def simulate(steps):
    c_m, g_na, g_k, g_l = 1.0, 120.0, 36.0, 0.3
    e_na, e_k, e_l = 50.0, -77.0, -54.4
    dt, current = 0.01, 10.0
    v, m, h, n = -65.0, 0.05, 0.6, 0.32
    spikes = 0
    above = False
    for _ in range(steps):
        alpha_m = 0.1 * (v + 40) / (1 - math.exp(-(v + 40) / 10))
        beta_m = 4 * math.exp(-(v + 65) / 18)
        alpha_h = 0.07 * math.exp(-(v + 65) / 20)
        beta_h = 1 / (1 + math.exp(-(v + 35) / 10))
        alpha_n = 0.01 * (v + 55) / (1 - math.exp(-(v + 55) / 10))
        beta_n = 0.125 * math.exp(-(v + 65) / 80)
        i_na = g_na * m ** 3 * h * (v - e_na)
        i_k = g_k * n ** 4 * (v - e_k)
        i_l = g_l * (v - e_l)
        v = v + dt * (current - i_na - i_k - i_l) / c_m
        m = m + dt * (alpha_m * (1 - m) - beta_m * m)
        h = h + dt * (alpha_h * (1 - h) - beta_h * h)
        n = n + dt * (alpha_n * (1 - n) - beta_n * n)
        if v > 0 and not above:
            spikes += 1
        above = v > 0
    return v, spikes


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        v, spikes = simulate(steps)
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"seconds": best, "v": v, "v_text": repr(v), "spikes": spikes,
                      "python": sys.version.split()[0]}))


if __name__ == "__main__":
    main()
