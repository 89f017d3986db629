# replaces: TimeBasedLearningRate
# expect-fail: test_schedule_validation
# why: only rejects non-positive values, so floats such as 2.5 (and True) are accepted
# patch-of: correct/schedule_python_max
# patch:
#-        if type(initial_learning_rate) is not int or initial_learning_rate < 1:
#-            raise ValueError(f"expected a positive int, got {initial_learning_rate!r}")
#+        if initial_learning_rate <= 0:
#+            raise ValueError("initial_learning_rate must be positive")
#@
#-        return max(self.initial_learning_rate - step, 1)
#+        return tf.maximum(self.initial_learning_rate - tf.cast(step, tf.float32), 1.0)
