"""The worker: runs a student's notebook code and answers the checker's calls.

This file is not imported by the checker. Its text (after codec.py's) is handed to a fresh
``python -I -c`` process, so the worker never imports ``grader_tests`` and has no path to
the hidden checks. Protocol, over two pipe file descriptors given on the command line:

checker -> worker (trusted pickles):
    ("program", [(label, source), ...], skip)   execute cells in order, skipping indexes in skip
    ("call", name, args, kwargs, isolate)        fork; in the child, rebind each name in isolate
                                                 to a stub that asks the checker; then call
    ("ok", value) / ("raised", text)             the checker's answer to a callback, or
    ("stop",)                                    its refusal: the child ends at once
    ("value", name)                              fork; send the value bound to name
    ("quit",)
worker -> checker (plain data only, see codec.py):
    ("cell_start", index) / ("cell_end", index, error_text_or_None)
    ("ready", {name: "function" | "value"})
    ("forked", pid) then, from the child, any number of ("callback", name, args, kwargs)
    (encoded; each answered by the checker), then ("ok", encoded) or
    ("raised", type, message, trace), then from the worker ("exited", status)

Isolated names are computed by the checker with its reference version: no reference code
ever enters this process, which runs student code.
"""

import os
import sys
import traceback


def _write(fd, obj):
    data = frame(obj)  # noqa: F821 - frame comes from codec.py, prepended to this text
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _read_exact(fd, n):
    chunks = []
    while n:
        chunk = os.read(fd, n)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _read(fd):
    import pickle

    size = int.from_bytes(_read_exact(fd, HEADER), "big")  # noqa: F821
    return pickle.loads(_read_exact(fd, size))


class _QuietShell:
    """Stands in for IPython's shell: magics and shell escapes do nothing in grading."""

    def _nothing(self, *args, **kwargs):
        return None

    run_line_magic = run_cell_magic = system = getoutput = _nothing


def _transform(source):
    try:
        from IPython.core.inputtransformer2 import TransformerManager
    except ImportError:  # pragma: no cover - IPython ships with the project
        return source
    try:
        return TransformerManager().transform_cell(source)
    except Exception:
        return source


def _describe_exception(exc, label):
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
                _write(write_fd, ("cell_start", index))
                error = None
                try:
                    code = compile(_transform(source), f"<cell {label}>", "exec")
                    exec(code, namespace)  # noqa: S102 - running the notebook is the point
                except BaseException as exc:  # SystemExit too: a cell may not end grading
                    error = "{}: {}".format(*_describe_exception(exc, label)[:2])
                _write(write_fd, ("cell_end", index, error))
            inventory = {}
            for name in names:
                if name in namespace:
                    inventory[name] = "function" if callable(namespace[name]) else "value"
            _write(write_fd, ("ready", inventory))
            continue
        if kind in ("call", "value"):
            _fork_and_answer(message, namespace, write_fd, read_fd)
            continue


def _ask_checker(name, read_fd, write_fd):
    """A stand-in for ``name`` whose calls the checker answers with its reference version."""

    def reference(*args, **kwargs):
        _write(write_fd, ("callback", name, encode(tuple(args)), encode(dict(kwargs))))  # noqa: F821
        answer = _read(read_fd)
        if answer[0] == "stop":  # the call used the function far too often: no except catches
            os._exit(4)
        if answer[0] == "ok":
            return answer[1]
        raise RuntimeError(f"the grader's {name} could not be used here: {answer[1]}")

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
                result = ("ok", encode(namespace[message[1]]))  # noqa: F821
            else:
                _, name, args, kwargs, isolate = message
                for other in isolate or ():
                    namespace[other] = _ask_checker(other, read_fd, write_fd)
                value = namespace[name](*args, **kwargs)
                result = ("ok", encode(value))  # noqa: F821
        except BaseException as exc:
            result = ("raised",) + _describe_exception(exc, "call")
        try:
            _write(write_fd, result)
        except BaseException:
            status = 3
        os._exit(status)
    os.close(go_read)
    _write(write_fd, ("forked", pid))
    os.write(go_write, b"!")
    os.close(go_write)
    _, status = os.waitpid(pid, 0)
    _write(write_fd, ("exited", status))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
