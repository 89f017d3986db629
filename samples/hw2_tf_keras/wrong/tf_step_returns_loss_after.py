# replaces: tf_train_step
# expect-fail: test_tf_train_step
# why: returns the loss after the update instead of the loss of the step
# patch-of: correct/tf_step_plain_assign_sub
# patch:
#-    return float(loss)
#+    return float(tf.reduce_mean(tf.square(model(x) - y)))
