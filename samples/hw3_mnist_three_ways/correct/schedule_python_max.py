# replaces: TimeBasedLearningRate
# why: Python's max on the tensor difference (works in eager mode, as the optimizer calls it)
class TimeBasedLearningRate(keras.optimizers.schedules.LearningRateSchedule):
    def __init__(self, initial_learning_rate):
        if type(initial_learning_rate) is not int or initial_learning_rate < 1:
            raise ValueError(f"expected a positive int, got {initial_learning_rate!r}")
        self.initial_learning_rate = initial_learning_rate

    def __call__(self, step):
        return max(self.initial_learning_rate - step, 1)

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate}
