# replaces: NetworkPyTorch
# expect-fail: test_pytorch_gradients
# why: gradients() reads .grad after backward() without zeroing it, so repeated calls add up
# patch:
#-        grads = torch.autograd.grad(loss, self.weights + self.biases)
#+        loss.backward()
#+        grads = [p.grad.clone() for p in self.weights + self.biases]
