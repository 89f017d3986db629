# replaces: train_model
# expect-fail: test_train_model_accuracy
# why: never calls optimizer.zero_grad(), so the gradients of all batches pile up
# patch-of: correct/train_constant_lr_mean_of_batch_losses
# patch:
#-            optimizer.zero_grad()
