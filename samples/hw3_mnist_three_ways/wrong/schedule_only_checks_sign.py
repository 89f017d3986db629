# replaces: TimeBasedLearningRate
# expect-fail: test_schedule_validation
# why: only rejects non-positive values, so floats such as 2.5 (and True) are accepted
class TimeBasedLearningRate(keras.optimizers.schedules.LearningRateSchedule):
    def __init__(self, initial_learning_rate):
        if initial_learning_rate <= 0:
            raise ValueError("initial_learning_rate must be positive")
        self.initial_learning_rate = initial_learning_rate

    def __call__(self, step):
        return tf.maximum(self.initial_learning_rate - tf.cast(step, tf.float32), 1.0)

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate}
