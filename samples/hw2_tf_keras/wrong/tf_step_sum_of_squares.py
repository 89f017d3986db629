# replaces: tf_train_step
# expect-fail: test_tf_train_step
# why: sums the squared errors instead of averaging them, so loss and steps are n*k times too large
# patch-of: correct/tf_step_plain_assign_sub
# patch:
#-        loss = tf.reduce_mean(tf.square(model(x) - y))
#+        loss = tf.reduce_sum(tf.square(model(x) - y))
