# replaces: Value
# expect-fail: test_value_arithmetic test_value_expression
# why: micrograd-style, but __rtruediv__ copies __truediv__: 2 / a computes a / 2
# patch-of: correct/value_micrograd
# patch:
#=    def __rtruediv__(self, other):  # other / self
#-        return other * self**-1
#+        return self * other**-1
