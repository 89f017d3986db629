# replaces: TimeBasedLearningRate
# expect-fail: test_schedule_keras
# why: get_config uses a key that is not the constructor's argument name, so from_config fails
class TimeBasedLearningRate(keras.optimizers.schedules.LearningRateSchedule):
    def __init__(self, initial_learning_rate):
        if isinstance(initial_learning_rate, bool) or not isinstance(initial_learning_rate, int):
            raise ValueError("initial_learning_rate must be an int")
        if initial_learning_rate <= 0:
            raise ValueError("initial_learning_rate must be positive")
        self.initial = initial_learning_rate

    def __call__(self, step):
        return tf.maximum(self.initial - tf.cast(step, tf.float32), 1.0)

    def get_config(self):
        return {"initial": self.initial}
