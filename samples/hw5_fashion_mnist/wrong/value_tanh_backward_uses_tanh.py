# replaces: Value
# expect-fail: test_value_functions test_value_expression
# why: the backward pass of tanh multiplies by tanh(a) instead of its derivative 1 - tanh(a)^2
# in-sample: yes
# patch:
#-    """ValueBase with exp, log, tanh, sigmoid, negation, subtraction and division."""
#-
#@
#-        out = type(self)(math.exp(self.data), (self,), "exp")
#+        out = Value(math.exp(self.data), (self,), "exp")
#@
#-        out = type(self)(math.log(self.data), (self,), "log")
#+        out = Value(math.log(self.data), (self,), "log")
#@
#-        t = math.tanh(self.data)
#-        out = type(self)(t, (self,), "tanh")
#+        out = Value(math.tanh(self.data), (self,), "tanh")
#@
#-            self.grad += (1.0 - t * t) * out.grad
#+            self.grad += out.data * out.grad
#@
#-        if self.data >= 0:
#-            s = 1.0 / (1.0 + math.exp(-self.data))
#-        else:
#-            e = math.exp(self.data)
#-            s = e / (1.0 + e)
#-        out = type(self)(s, (self,), "sigmoid")
#+        s = 1 / (1 + math.exp(-self.data))
#+        out = Value(s, (self,), "sigmoid")
#@
#-            self.grad += s * (1.0 - s) * out.grad
#+            self.grad += s * (1 - s) * out.grad
#@
#-    def __neg__(self):  # -self
#-        return self * -1.0
#+    def __neg__(self):
#+        return self * -1
#@
#-    def __sub__(self, other):  # self - other
#+    def __sub__(self, other):
#@
#-    def __rsub__(self, other):  # other - self, other a number
#+    def __rsub__(self, other):
#@
#-    def __truediv__(self, other):  # self / other
#+    def __truediv__(self, other):
#@
#-    def __rtruediv__(self, other):  # other / self, other a number
#+    def __rtruediv__(self, other):
