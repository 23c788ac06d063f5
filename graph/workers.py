"""Where ``bilat serve`` runs its queries: a :class:`WorkerPool` of worker processes on an
embedded store (killed and replaced past the time limit, reopening the store when the folder
changed), or a :class:`RemoteProxy` to a remote endpoint; :func:`backend_for` picks one
(local or remote as :func:`bilat.graph.remote.query_endpoint` says).
"""

from __future__ import annotations

import json
import multiprocessing.connection
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from bilat.graph.remote import query_endpoint
from bilat.graph.sparql import run_query
from bilat.graph.sparql_errors import EndpointError, QueryError, QueryTimeout, UpdateNotAllowed

__all__ = ["Busy", "Failed", "RemoteProxy", "WorkerPool", "backend_for"]

_READY_TIMEOUT = 60.0  # seconds for a worker process to open the store


class Busy(Exception):
    """No worker became free in time."""


class Failed(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


# --------------------------------------------------------------------------- worker processes


def _stamp(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


def _worker_main(conn: multiprocessing.connection.Connection, path: str) -> None:
    """Body of a worker process: answer (query, fmt) messages from one read-only store."""
    import pyoxigraph

    def open_store() -> Any:
        return pyoxigraph.Store.read_only(path)

    try:
        store, stamp = open_store(), _stamp(path)
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        conn.send(("error", 500, f"cannot open the store at {path}: {exc}"))
        return
    conn.send(("ready",))
    while True:
        try:
            query, fmt = conn.recv()
        except (EOFError, OSError):
            return
        # A store written since it was opened (an ingest) is opened again, so new data shows.
        if _stamp(path) != stamp:
            try:
                store, stamp = open_store(), _stamp(path)
            except Exception:  # noqa: BLE001 - keep the old view
                pass
        for attempt in (1, 2):
            try:
                data, media_type = run_query(store, query, fmt=fmt)
                reply: tuple = ("ok", data, media_type)
            except UpdateNotAllowed as exc:
                reply = ("error", 403, str(exc))
            except QueryError as exc:
                store_failed = isinstance(exc.__cause__, (OSError, RuntimeError))
                if store_failed and attempt == 1:
                    try:  # files compacted away by a writer: look again
                        store, stamp = open_store(), _stamp(path)
                        continue
                    except Exception:  # noqa: BLE001
                        pass
                reply = ("error", 500 if store_failed else 400, str(exc))
            except ValueError as exc:
                reply = ("error", 400, str(exc))
            except Exception as exc:  # noqa: BLE001 - one line to the client
                reply = ("error", 500, f"{type(exc).__name__}: {exc}".splitlines()[0])
            break
        try:
            conn.send(reply)
        except (EOFError, OSError):
            return


_WORKER_BOOT = (
    "import json, sys; sys.path[:] = json.loads(sys.argv[3]); "
    "from bilat.graph.workers import _worker_entry; _worker_entry(int(sys.argv[1]), sys.argv[2])"
)


def _worker_entry(fd: int, path: str) -> None:
    """Entry point of a worker process started by :class:`_Worker`."""
    conn = multiprocessing.connection.Connection(fd)
    parent = os.getppid()

    def watch_parent() -> None:  # an orphaned worker goes away
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch_parent, daemon=True).start()
    _worker_main(conn, path)


class _Worker:
    """One worker process, talking over a socket pair with multiprocessing's Connection.

    The process is a fresh interpreter (like multiprocessing's ``spawn``) started with
    ``subprocess`` rather than ``multiprocessing.Process``: that way it never re-imports the
    parent's ``__main__`` (the ``bilat`` script, a notebook, stdin), only this module.
    """

    def __init__(self, path: str):
        parent_sock, child_sock = socket.socketpair()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _WORKER_BOOT, str(child_sock.fileno()), path, json.dumps(sys.path)],
                pass_fds=(child_sock.fileno(),),
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # Ctrl-C at the terminal goes to the parent only
            )
        except BaseException:
            parent_sock.close()
            raise
        finally:
            child_sock.close()
        self.conn = multiprocessing.connection.Connection(parent_sock.detach())

    def wait_ready(self, timeout: float) -> None:
        try:
            message = self.conn.recv() if self.conn.poll(timeout) else None
        except (EOFError, OSError):
            self.kill()
            raise OSError("a query worker died while opening the store") from None
        if message is None:
            self.kill()
            raise OSError(f"a query worker did not start within {timeout:g} s")
        if message[0] != "ready":
            self.kill()
            raise OSError(message[2])

    def run(self, query: str, fmt: str, timeout: float) -> tuple[bytes, str]:
        self.conn.send((query, fmt))
        if not self.conn.poll(timeout):
            raise QueryTimeout(f"query exceeded the time limit of {timeout:g} s")
        reply = self.conn.recv()
        if reply[0] == "ok":
            return reply[1], reply[2]
        raise Failed(reply[1], reply[2])

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self.conn.close()


class WorkerPool:
    """Worker processes over one embedded store, each running one query at a time."""

    def __init__(self, path: str, size: int, timeout: float):
        self.path, self.timeout = path, timeout
        self.queue_wait = max(2 * timeout, 10.0)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        started = [self._spawn() for _ in range(max(1, size))]
        try:
            for worker in started:
                worker.wait_ready(_READY_TIMEOUT)
        except BaseException:
            self.close()
            raise
        for worker in started:
            self._idle.put(worker)

    def _spawn(self) -> _Worker:
        worker = _Worker(self.path)
        with self._lock:
            self._all.add(worker)
        return worker

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    def _replace(self) -> None:
        def start() -> None:
            for attempt in range(3):
                if self._closed:
                    return
                worker = self._spawn()
                try:
                    worker.wait_ready(_READY_TIMEOUT)
                except OSError as exc:
                    self._discard(worker)
                    print(f"bilat serve: cannot restart a query worker: {exc}", file=sys.stderr, flush=True)
                    time.sleep(1 + attempt)
                    continue
                if self._closed:
                    self._discard(worker)
                else:
                    self._idle.put(worker)
                return

        threading.Thread(target=start, name="bilat-worker-restart", daemon=True).start()

    def run(self, query: str, fmt: str) -> tuple[bytes, str]:
        try:
            worker = self._idle.get(timeout=self.queue_wait)
        except queue.Empty:
            raise Busy(f"all query workers stayed busy for {self.queue_wait:g} s") from None
        try:
            result = worker.run(query, fmt, self.timeout)
        except Failed:
            self._idle.put(worker)
            raise
        except QueryTimeout:
            self._discard(worker)  # the only way to stop a pyoxigraph query
            self._replace()
            raise
        except (EOFError, OSError):
            self._discard(worker)
            self._replace()
            raise Failed(500, "the query worker died (out of memory?)") from None
        self._idle.put(worker)
        return result

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()


class RemoteProxy:
    """Proxy to a remote SPARQL endpoint, at most `size` requests at a time."""

    def __init__(self, url: str, size: int, timeout: float):
        self.url, self.timeout = url, timeout
        self.queue_wait = max(2 * timeout, 10.0)
        self._slots = threading.BoundedSemaphore(max(1, size))

    def run(self, query: str, fmt: str) -> tuple[bytes, str]:
        if not self._slots.acquire(timeout=self.queue_wait):
            raise Busy(f"all proxy slots stayed busy for {self.queue_wait:g} s")
        try:
            return run_query(self.url, query, fmt=fmt, timeout=self.timeout)
        except UpdateNotAllowed as exc:
            raise Failed(403, str(exc)) from None
        except QueryTimeout:
            raise
        except EndpointError as exc:
            raise Failed(502, str(exc)) from None
        except (QueryError, ValueError) as exc:
            raise Failed(400, str(exc)) from None
        finally:
            self._slots.release()

    def close(self) -> None:
        pass


def backend_for(store: str, workers: int, timeout: float) -> tuple[WorkerPool | RemoteProxy, str]:
    """The backend of a server of ``store`` (a store folder, a ``sparql+http(s)://`` store URL or
    an ``http(s)://`` endpoint) and a description of it. Raises ``FileNotFoundError`` when the
    folder holds no store."""
    url = query_endpoint(store)
    if url is not None:
        return RemoteProxy(url, workers, timeout), f"proxy to {url}"
    path = Path(store).resolve()
    if not (path / "CURRENT").is_file():
        raise FileNotFoundError(
            f"no store at {store}: the folder does not exist or is not "
            "an Oxigraph store (run `bilat ingest` first)"
        )
    return WorkerPool(str(path), workers, timeout), f"store {path}"
