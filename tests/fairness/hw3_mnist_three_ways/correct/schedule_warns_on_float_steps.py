# replaces: TimeBasedLearningRate
# why: the schedule with tf.math, a UserWarning when called with a float step (it still
# answers), and the config from vars(self)
import warnings

import keras
import numpy as np
import tensorflow as tf


class TimeBasedLearningRate(keras.optimizers.schedules.LearningRateSchedule):
    def __init__(self, initial_learning_rate):
        super().__init__()
        value = initial_learning_rate
        if type(value) not in (int, np.int32, np.int64) or value < 1:
            raise ValueError(f"expected a positive integer, got {initial_learning_rate!r}")
        self.initial_learning_rate = int(initial_learning_rate)

    def __call__(self, step):
        step = tf.convert_to_tensor(step)
        if step.dtype.is_floating:
            warnings.warn("TimeBasedLearningRate expects an integer step", stacklevel=2)
        step = tf.cast(step, tf.float32)
        return tf.math.maximum(tf.constant(float(self.initial_learning_rate)) - step, 1.0)

    def get_config(self):
        return dict(vars(self))
