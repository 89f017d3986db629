# replaces: measure_epoch_seconds
# expect-fail: test_measure_epoch_seconds
# why: converts the measurement to milliseconds although the function must return seconds
# patch:
#-    """Fastest of `repeats` timed training epochs (seconds) of a PyTorch MLP on random data."""
#-    torch.manual_seed(0)
#@
#-    times = []
#+    best = float("inf")
#@
#-            x, y = inputs[first:first + batch_size], targets[first:first + batch_size]
#@
#-            loss = torch.nn.functional.mse_loss(model(x), y)
#+            prediction = model(inputs[first:first + batch_size])
#+            loss = torch.nn.functional.mse_loss(prediction, targets[first:first + batch_size])
#@
#-        times.append(time.perf_counter() - start)
#-    return min(times)
#+        best = min(best, (time.perf_counter() - start) * 1000)  # in ms, easier to read
#+    return best
