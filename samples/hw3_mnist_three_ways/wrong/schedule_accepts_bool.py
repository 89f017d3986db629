# replaces: TimeBasedLearningRate
# expect-fail: test_schedule_validation
# why: isinstance(True, int) holds in Python, so True is taken as the learning rate 1
# patch-of: correct/schedule_python_max
# patch:
#-        if type(initial_learning_rate) is not int or initial_learning_rate < 1:
#-            raise ValueError(f"expected a positive int, got {initial_learning_rate!r}")
#+        if not isinstance(initial_learning_rate, int) or initial_learning_rate < 1:
#+            raise ValueError("initial_learning_rate must be a positive int")
#@
#-        return max(self.initial_learning_rate - step, 1)
#+        return tf.maximum(self.initial_learning_rate - tf.cast(step, tf.float32), 1.0)
