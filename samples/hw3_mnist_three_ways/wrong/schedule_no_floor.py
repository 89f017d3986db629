# replaces: TimeBasedLearningRate
# expect-fail: test_schedule_values
# why: forgets the floor: the rate keeps falling through 0 to negative values
# patch-of: correct/schedule_int64_tensors
# patch:
#-        if initial_learning_rate < 1:
#-            raise ValueError("initial_learning_rate must be at least 1")
#+        if initial_learning_rate <= 0:
#+            raise ValueError("initial_learning_rate must be positive")
#@
#-        step = tf.cast(step, tf.int64)
#-        return tf.maximum(tf.constant(self.initial_learning_rate, tf.int64) - step, 1)
#+        return tf.cast(self.initial_learning_rate, tf.float32) - tf.cast(step, tf.float32)
