# replaces: train_model
# expect-fail: test_train_model
# why: applies softmax to the logits before CrossEntropyLoss, which applies log-softmax
# itself: the loss values are wrong and the gradients much weaker
# patch-of: correct/train_constant_lr_mean_of_batch_losses
# patch:
#-            loss = loss_fn(model(images), labels)
#+            loss = loss_fn(torch.softmax(model(images), dim=1), labels)
#@
#-                logits = model(images)
#-                total += loss_fn(logits, labels).item() * len(labels)
#-                correct += (logits.argmax(1) == labels).sum().item()
#+                probs = torch.softmax(model(images), dim=1)
#+                total += loss_fn(probs, labels).item() * len(labels)
#+                correct += (probs.argmax(1) == labels).sum().item()
