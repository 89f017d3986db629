# replaces: tf_train_step
# expect-fail: test_tf_train_step
# why: adds the gradient (assign_add), which climbs the loss instead of descending it
# patch-of: correct/tf_step_plain_assign_sub
# patch:
#-        v.assign_sub(learning_rate * g)
#+        v.assign_add(learning_rate * g)
