# replaces: train_model
# expect-fail: test_train_model
# why: adds up the mean losses of the test batches instead of averaging over the samples
# patch-of: correct/train_constant_lr_mean_of_batch_losses
# patch:
#-        total, correct, count = 0.0, 0, 0
#+        test_loss, correct, count = 0.0, 0, 0
#@
#-                total += loss_fn(logits, labels).item() * len(labels)
#+                test_loss += loss_fn(logits, labels).item()
#@
#-        history["test_loss"].append(total / count)
#+        history["test_loss"].append(test_loss)
#@
#-        print(f"epoch {epoch + 1}: test accuracy {correct / count:.4f}")
#+        print(f"epoch {epoch + 1}: test loss {test_loss:.4f}")
