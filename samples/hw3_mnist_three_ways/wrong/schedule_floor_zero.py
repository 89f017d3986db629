# replaces: TimeBasedLearningRate
# expect-fail: test_schedule_values
# why: floors the rate at 0 instead of 1, so training stops moving after initial steps
# in-sample: yes
class TimeBasedLearningRate(keras.optimizers.schedules.LearningRateSchedule):
    def __init__(self, initial_learning_rate):
        if isinstance(initial_learning_rate, bool) or not isinstance(initial_learning_rate, int):
            raise ValueError("initial_learning_rate must be an int")
        if initial_learning_rate <= 0:
            raise ValueError("initial_learning_rate must be positive")
        self.initial_learning_rate = initial_learning_rate

    def __call__(self, step):
        return tf.maximum(self.initial_learning_rate - tf.cast(step, tf.float32), 0.0)

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate}
