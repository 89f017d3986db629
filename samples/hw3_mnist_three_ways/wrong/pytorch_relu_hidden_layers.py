# replaces: NetworkPyTorch
# expect-fail: test_pytorch_forward test_pytorch_gradients
# why: uses ReLU in the hidden layers instead of the sigmoid the statement asks for
# patch:
#-            a = torch.sigmoid(torch.addmm(b, a, W))
#+            a = torch.relu(torch.addmm(b, a, W))
