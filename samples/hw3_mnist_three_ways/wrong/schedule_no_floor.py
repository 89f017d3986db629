# replaces: TimeBasedLearningRate
# expect-fail: test_schedule_values
# why: forgets the floor: the rate keeps falling through 0 to negative values
class TimeBasedLearningRate(keras.optimizers.schedules.LearningRateSchedule):
    def __init__(self, initial_learning_rate):
        if isinstance(initial_learning_rate, bool) or not isinstance(initial_learning_rate, int):
            raise ValueError("initial_learning_rate must be an int")
        if initial_learning_rate <= 0:
            raise ValueError("initial_learning_rate must be positive")
        self.initial_learning_rate = initial_learning_rate

    def __call__(self, step):
        return tf.cast(self.initial_learning_rate, tf.float32) - tf.cast(step, tf.float32)

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate}
