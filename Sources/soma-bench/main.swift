print("soma-bench: no benchmarks yet")
