# replaces: TimeBasedLearningRate
# expect-fail: test_schedule_values
# why: floors the rate at 0 instead of 1, so training stops moving after initial steps
# in-sample: yes
# patch-of: correct/schedule_int64_tensors
# patch:
#-        if initial_learning_rate < 1:
#-            raise ValueError("initial_learning_rate must be at least 1")
#+        if initial_learning_rate <= 0:
#+            raise ValueError("initial_learning_rate must be positive")
#@
#-        step = tf.cast(step, tf.int64)
#-        return tf.maximum(tf.constant(self.initial_learning_rate, tf.int64) - step, 1)
#+        return tf.maximum(self.initial_learning_rate - tf.cast(step, tf.float32), 0.0)
