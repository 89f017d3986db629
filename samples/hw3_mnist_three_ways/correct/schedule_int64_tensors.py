# replaces: TimeBasedLearningRate
# why: tf.maximum on int64 tensors (the optimizer casts the integer rate itself)
class TimeBasedLearningRate(keras.optimizers.schedules.LearningRateSchedule):
    def __init__(self, initial_learning_rate):
        if isinstance(initial_learning_rate, bool) or not isinstance(initial_learning_rate, int):
            raise ValueError("initial_learning_rate must be an int")
        if initial_learning_rate < 1:
            raise ValueError("initial_learning_rate must be at least 1")
        self.initial_learning_rate = initial_learning_rate

    def __call__(self, step):
        step = tf.cast(step, tf.int64)
        return tf.maximum(tf.constant(self.initial_learning_rate, tf.int64) - step, 1)

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate}
