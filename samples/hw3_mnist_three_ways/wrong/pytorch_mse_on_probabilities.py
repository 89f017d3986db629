# replaces: NetworkPyTorch
# expect-fail: test_pytorch_forward test_pytorch_gradients
# why: keeps the squared error of Part 6 instead of switching to the cross-entropy
# patch:
#-            return float(torch.nn.functional.cross_entropy(logits, targets))
#+            p = torch.softmax(logits, dim=1)
#+            return float(0.5 * ((p - targets) ** 2).sum(dim=1).mean())
#@
#-        loss = torch.nn.functional.cross_entropy(logits, targets)
#+        p = torch.softmax(logits, dim=1)
#+        loss = 0.5 * ((p - targets) ** 2).sum(dim=1).mean()
