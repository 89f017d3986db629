# replaces: build_model
# expect-fail: test_build_model
# why: the hidden layers in the other order, 784-64-128-256-10
# patch:
#-        torch.nn.Linear(784, 256),
#+        torch.nn.Linear(784, 64),
#@
#-        torch.nn.Linear(256, 128),
#+        torch.nn.Linear(64, 128),
#@
#-        torch.nn.Linear(128, 64),
#+        torch.nn.Linear(128, 256),
#@
#-        torch.nn.Linear(64, 10),
#+        torch.nn.Linear(256, 10),
