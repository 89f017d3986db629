# replaces: NetworkPyTorch
# expect-fail: test_pytorch_forward test_pytorch_gradients test_pytorch_learns
# why: applies softmax and then F.cross_entropy, which applies log-softmax again
# patch:
#-        return torch.addmm(self.biases[-1], a, self.weights[-1])
#+        return torch.softmax(torch.addmm(self.biases[-1], a, self.weights[-1]), dim=1)
#@
#-            return torch.softmax(logits, dim=1).numpy()
#+            return logits.numpy()
