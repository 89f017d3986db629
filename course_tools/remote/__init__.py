"""Two kernels per graded notebook: the verdict is computed where student code cannot reach.

The student's kernel runs the answer cells (in the sandbox); a second, trusted
kernel runs the test cells. Every name an answer cell defines is bound in the
trusted kernel to a proxy that forwards to the student's kernel and returns
plain data (``codec``) or a handle whose attribute reads and calls are forwarded
the same way (``proxy``). The two kernels never share memory: each talks to the
grading process over its own socket (``channel``), and only the grading process
relays between them (``course_tools.runner``).

``agent`` is what runs inside each kernel; ``student_side`` lists the few steps a
test may ask the student's kernel to take around its calls (forbid a function,
turn warnings into errors, put a stand-in in place of a function).
"""
