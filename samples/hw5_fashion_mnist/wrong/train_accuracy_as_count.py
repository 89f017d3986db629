# replaces: train_model
# expect-fail: test_train_model
# why: reports the number of correct test predictions instead of the fraction
# patch-of: correct/train_constant_lr_mean_of_batch_losses
# patch:
#-        history["test_accuracy"].append(correct / count)
#-        print(f"epoch {epoch + 1}: test accuracy {correct / count:.4f}")
#+        history["test_accuracy"].append(correct)
#+        print(f"epoch {epoch + 1}: {history['test_loss'][-1]:.4f} {correct}")
