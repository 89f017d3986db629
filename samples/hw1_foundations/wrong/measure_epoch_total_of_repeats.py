# replaces: measure_epoch_seconds
# expect-fail: test_measure_epoch_seconds
# why: starts the clock once before all repeats and returns the total time, not one epoch
# patch:
#-    times = []
#+    start = time.perf_counter()
#=    for _ in range(repeats):
#-        start = time.perf_counter()
#@
#-        times.append(time.perf_counter() - start)
#-    return min(times)
#+    return time.perf_counter() - start
