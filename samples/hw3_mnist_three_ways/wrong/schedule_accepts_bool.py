# replaces: TimeBasedLearningRate
# expect-fail: test_schedule_validation
# why: isinstance(True, int) holds in Python, so True is taken as the learning rate 1
class TimeBasedLearningRate(keras.optimizers.schedules.LearningRateSchedule):
    def __init__(self, initial_learning_rate):
        if not isinstance(initial_learning_rate, int) or initial_learning_rate < 1:
            raise ValueError("initial_learning_rate must be a positive int")
        self.initial_learning_rate = initial_learning_rate

    def __call__(self, step):
        return tf.maximum(self.initial_learning_rate - tf.cast(step, tf.float32), 1.0)

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate}
