"""The throwaway PostgreSQL server harness (tests/pg_server.py) with nbgrader's Gradebook."""

from __future__ import annotations

import os
import sys

import pytest
from nbgrader.api import Gradebook
from sqlalchemy.engine import make_url

from pg_server import PostgresServer, process_running, skip_reason


def _require_server() -> None:
    reason = skip_reason()
    if reason:
        pytest.skip(reason)


def test_gradebook_round_trip_on_a_throwaway_server(tmp_path, monkeypatch):
    _require_server()
    # A new gradebook asks the `alembic` command for its schema version: this Python's scripts
    # must be on PATH even when the venv isn't activated.
    monkeypatch.setenv("PATH", os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    with PostgresServer(tmp_path) as server:
        pid = server.pid
        assert process_running(pid)
        url = server.url()
        parsed = make_url(url)
        assert parsed.get_backend_name() == "postgresql"
        assert parsed.get_driver_name() == "psycopg2"
        assert parsed.database == "gradebook"
        assert parsed.query["host"] == str(server.socket_dir)

        gradebook = Gradebook(url)
        try:
            gradebook.add_assignment("c1w2")
            gradebook.add_student("ada", first_name="Ada", last_name="Lovelace")
        finally:
            gradebook.close()
            gradebook.engine.dispose()

        # A second session sees what the first one committed.
        with Gradebook(url) as again:
            try:
                assert [a.name for a in again.assignments] == ["c1w2"]
                student = again.find_student("ada")
                assert (student.first_name, student.last_name) == ("Ada", "Lovelace")
            finally:
                again.engine.dispose()

    assert not process_running(pid), f"the server process {pid} outlived the context"
    assert server.pid is None


def test_a_failing_block_still_stops_the_server(tmp_path):
    _require_server()
    with pytest.raises(RuntimeError, match="inside the block"):
        with PostgresServer(tmp_path, database="other") as server:
            pid = server.pid
            assert server.url().startswith("postgresql+psycopg2://grader@/other?host=")
            raise RuntimeError("inside the block")
    assert not process_running(pid)
