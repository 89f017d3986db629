# replaces: TimeBasedLearningRate
# why: backend-neutral keras.ops, numbers.Integral for the type check, config via dict()
import numbers


class TimeBasedLearningRate(keras.optimizers.schedules.LearningRateSchedule):
    def __init__(self, initial_learning_rate):
        super().__init__()
        ok = isinstance(initial_learning_rate, numbers.Integral) and not isinstance(
            initial_learning_rate, bool)
        if not ok or initial_learning_rate <= 0:
            raise ValueError("initial_learning_rate should be a positive integer")
        self.initial_learning_rate = int(initial_learning_rate)

    def __call__(self, step):
        step = keras.ops.cast(step, "float32")
        rate = keras.ops.cast(self.initial_learning_rate, "float32") - step
        return keras.ops.maximum(rate, 1.0)

    def get_config(self):
        return dict(initial_learning_rate=self.initial_learning_rate)
