"""The worker: runs a student's notebook code and answers the checker's calls.

This file is not imported by the checker. Its text (after codec.py's) is handed to a fresh
``python -I -c`` process, so the worker never imports ``grader_tests`` and has no path to
the hidden checks. Protocol, over two pipe file descriptors given on the command line:

checker -> worker (trusted pickles):
    ("program", [(label, source), ...], skip, names)
                                                 run the cells in order but those in skip
    ("call", name, args, kwargs, isolate)        fork; in the child, rebind each name in isolate
                                                 to a stub that asks the checker; then call
    ("ok", value) / ("raised", text)             the checker's answer to a callback, or
    ("stop",)                                    its refusal: the child ends at once
    ("value", name)                              fork; send the value bound to name
    ("quit",)
worker -> checker (plain data only, see codec.py):
    ("cell_start", index) / ("cell_end", index, error_text_or_None)
    ("ready", {name: "function" | "value"})      for those of names the program bound
    ("forked", pid) then, from the child, any number of ("callback", name, args, kwargs)
    (encoded; each answered by the checker), then ("ok", encoded) or
    ("raised", type, message, trace), then from the worker ("exited", status)

Isolated names are computed by the checker with its reference version: no reference code
ever enters this process, which runs student code.
"""

import linecache
import os
import pickle
import sys
import traceback


def _read(fd):
    size = int.from_bytes(read_exact(fd, HEADER), "big")  # noqa: F821 - from codec.py
    return pickle.loads(read_exact(fd, size))  # noqa: F821


class _QuietShell:
    """Stands in for IPython's shell: magics and shell escapes do nothing in grading."""

    def _nothing(self, *args, **kwargs):
        return None

    run_line_magic = run_cell_magic = system = getoutput = _nothing


def _transform(source):
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        return TransformerManager().transform_cell(source)
    except Exception:  # not valid IPython either: compile() reports it
        return source


def _describe_exception(exc):
    frames = traceback.extract_tb(exc.__traceback__)
    mine = [f for f in frames if f.filename.startswith("<cell ")]
    lines = traceback.format_list(mine[-6:]) if mine else []
    trace = "".join(lines) + "".join(traceback.format_exception_only(type(exc), exc))
    return type(exc).__name__, str(exc)[:2000], trace[-4000:]


def main(read_fd, write_fd):
    shell = _QuietShell()
    namespace = {"__name__": "__main__", "get_ipython": lambda: shell}
    while True:
        try:
            message = _read(read_fd)
        except EOFError:
            return
        kind = message[0]
        if kind == "quit":
            return
        if kind == "program":
            _, cells, skip, names = message
            for index, (label, source) in enumerate(cells):
                if index in skip:
                    continue
                send(write_fd, ("cell_start", index))  # noqa: F821
                error = None
                try:
                    text, filename = _transform(source), f"<cell {label}>"
                    # the cell's lines for tracebacks: an error names the learner's line
                    linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
                    code = compile(text, filename, "exec")
                    exec(code, namespace)  # noqa: S102 - running the notebook is the point
                except BaseException as exc:  # SystemExit too: a cell may not end grading
                    error = "{}: {}".format(*_describe_exception(exc)[:2])
                send(write_fd, ("cell_end", index, error))  # noqa: F821
            known = [n for n in names if n in namespace]
            kinds = {n: "function" if callable(namespace[n]) else "value" for n in known}
            send(write_fd, ("ready", kinds))  # noqa: F821
        elif kind in ("call", "value"):
            _fork_and_answer(message, namespace, write_fd, read_fd)


def _ask_checker(name, read_fd, write_fd):
    """A stand-in for ``name`` whose calls the checker answers with its reference version."""

    def reference(*args, **kwargs):
        send(write_fd, ("callback", name, encode(tuple(args)), encode(dict(kwargs))))  # noqa: F821
        answer = _read(read_fd)
        if answer[0] == "stop":  # the call used the function far too often: no except catches
            os._exit(4)
        if answer[0] == "ok":
            return answer[1]
        raise RuntimeError(
            f"{name} (the course's version, which the grader runs in place of yours here) "
            f"failed on the arguments your code gave it: {answer[1]}"
        )

    reference.__name__ = reference.__qualname__ = name
    return reference


def _fork_and_answer(message, namespace, write_fd, read_fd):
    sys.stdout.flush()
    sys.stderr.flush()
    go_read, go_write = os.pipe()  # the child answers only after "forked" is on the wire
    pid = os.fork()
    if pid == 0:  # the child: answer once, then vanish without running any cleanup
        status = 0
        try:
            os.setpgid(0, 0)
            os.close(go_write)
            os.read(go_read, 1)
            os.close(go_read)
            if message[0] == "value":
                value = namespace[message[1]]
            else:
                _, name, args, kwargs, isolate = message
                for other in isolate or ():
                    namespace[other] = _ask_checker(other, read_fd, write_fd)
                value = namespace[name](*args, **kwargs)
            result = ("ok", encode(value))  # noqa: F821
        except BaseException as exc:
            result = ("raised",) + _describe_exception(exc)
        try:
            send(write_fd, result)  # noqa: F821
        except BaseException:
            status = 3
        os._exit(status)
    os.close(go_read)
    send(write_fd, ("forked", pid))  # noqa: F821
    os.write(go_write, b"!")
    os.close(go_write)
    _, status = os.waitpid(pid, 0)
    send(write_fd, ("exited", status))  # noqa: F821


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
