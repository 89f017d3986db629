# replaces: TimeBasedLearningRate
# why: tf.maximum on int64 tensors (the optimizer casts the integer rate itself)
# patch-of: correct/schedule_python_max
# patch:
#-        if type(initial_learning_rate) is not int or initial_learning_rate < 1:
#-            raise ValueError(f"expected a positive int, got {initial_learning_rate!r}")
#+        if isinstance(initial_learning_rate, bool) or not isinstance(initial_learning_rate, int):
#+            raise ValueError("initial_learning_rate must be an int")
#+        if initial_learning_rate < 1:
#+            raise ValueError("initial_learning_rate must be at least 1")
#@
#-        return max(self.initial_learning_rate - step, 1)
#+        step = tf.cast(step, tf.int64)
#+        return tf.maximum(tf.constant(self.initial_learning_rate, tf.int64) - step, 1)
