"""Extraction beside the writer: in this process, in worker processes, or on a Dask cluster.

``bilat ingest`` reads documents and writes their graphs in one process (one writer: each
document is one transaction, in input order); what it hands out is the extraction, document by
document. An *extractor pool* maps documents to results, lazily and in order, with a bounded
number of documents in flight (memory stays flat however long the input):

- :class:`InProcess` — the models of this process, on a thread beside the writer (``--jobs 1``);
- :class:`Processes` — ``N`` worker processes, each loading the models once (``--jobs N``);
- :class:`Dask` — the workers of a Dask cluster (``--dask SCHEDULER_ADDRESS``), each loading the
  models once (the first task a worker runs loads them; later tasks reuse them).

A result is ``("ok", Extraction, publisher)`` or ``("error", message)``: a document that fails
is reported and the others go on. A worker process that dies takes the document at the head of
the queue with it (reported as failed); the pool is restarted for the rest.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from bilat.extract.problems import first_line

Result = tuple


def extract_one(doc) -> Result:
    """Extract one document with this process's models (loaded on first use)."""
    from bilat import app

    try:
        ex = app.extractor()
        return ("ok", ex(doc), ex.publisher(doc))
    except Exception as e:  # noqa: BLE001 - reported per document, the others go on
        return ("error", first_line(e))


def extract_many(docs: list) -> list[Result]:
    """:func:`extract_one` of each of ``docs``, their texts parsed together (the same results;
    spaCy's models spend less per document on a batch)."""
    from bilat import app

    try:
        ex = app.extractor()
        extractions = ex.many(docs)
    except Exception as e:  # noqa: BLE001 - the models did not load: every document fails
        return [("error", first_line(e))] * len(docs)
    out: list[Result] = []
    for doc, ex_or_error in zip(docs, extractions, strict=True):
        if isinstance(ex_or_error, Exception):
            out.append(("error", first_line(ex_or_error)))
            continue
        try:
            out.append(("ok", ex_or_error, ex.publisher(doc)))
        except Exception as e:  # noqa: BLE001
            out.append(("error", first_line(e)))
    return out


def text_chunks(docs: Iterable, size: int, chars: int) -> Iterator[list]:
    """Consecutive lists of at most ``size`` documents whose texts hold at most ``chars``
    characters together (a longer document makes a list of its own), read lazily.

    >>> from types import SimpleNamespace as D
    >>> [[d.text for d in c] for c in text_chunks([D(text=t) for t in ("aa", "b", "cc", "d", "eeee")], 3, 4)]
    [['aa', 'b'], ['cc', 'd'], ['eeee']]
    """
    chunk: list = []
    held = 0
    for doc in docs:
        n = len(doc.text)
        if chunk and (len(chunk) == size or held + n > chars):
            yield chunk
            chunk, held = [], 0
        chunk.append(doc)
        held += n
    if chunk:
        yield chunk


def tapered_chunks(docs: Iterable, size: int, workers: int) -> Iterator[list]:
    """Consecutive lists of ``size`` documents, read lazily, ``size * (workers + 1)`` documents
    ahead; once the input is seen to end, the lists left get smaller (a share of what is left,
    down to one document), so that the workers finish together instead of one parsing a full
    list while the others wait (guided self-scheduling).

    >>> [len(c) for c in tapered_chunks(range(40), 4, 2)]
    [4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 1, 1, 1, 1]
    >>> [len(c) for c in tapered_chunks(range(7), 4, 2)]
    [2, 2, 1, 1, 1]
    >>> [x for c in tapered_chunks(range(40), 4, 2) for x in c] == list(range(40))
    True
    """
    it = iter(docs)
    ahead = size * (workers + 1)
    buffer = deque(islice(it, ahead))
    ended = len(buffer) < ahead
    while buffer:
        n = size if not ended else min(size, -(-len(buffer) // (2 * workers)))
        yield [buffer.popleft() for _ in range(min(n, len(buffer)))]
        if not ended:
            more = list(islice(it, n))
            buffer.extend(more)
            ended = len(more) < n


def warm_up(langs: tuple[str, ...] = ()) -> int:
    """Load the extractor of this process (a worker's initializer), and what the first
    document of each of ``langs`` loads (``app.warm_up``) now rather than on that document;
    returns its pid."""
    from bilat import app

    app.warm_up(langs)
    return os.getpid()


class _Pool:
    """What every extractor pool shares: how many documents are parsed together, the context
    manager that closes it."""

    workers = 1
    batch = 32
    batch_chars = 800_000

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _Windowed(_Pool):
    """Submit ahead up to ``window`` documents; yield results in submission order."""

    window = 4

    def _submit(self, doc):  # pragma: no cover - abstract
        raise NotImplementedError

    def _result(self, future) -> Result:
        return future.result()

    def map(self, docs: Iterable) -> Iterator[tuple[object, Result]]:
        """The first ``window`` documents are submitted now (the workers start on them while
        the caller gets ready), the others as results are taken."""
        pending: deque = deque()
        it = iter(docs)
        exhausted = self._fill(pending, it)
        return self._results(pending, it, exhausted)

    def _fill(self, pending: deque, it: Iterator) -> bool:
        """Submit documents until ``window`` are pending; True when ``it`` has ended."""
        while len(pending) < self.window:
            try:
                doc = next(it)
            except StopIteration:
                return True
            pending.append((doc, self._submit(doc)))
        return False

    def _results(self, pending: deque, it: Iterator, exhausted: bool) -> Iterator[tuple[object, Result]]:
        while pending:
            doc, fut = pending.popleft()
            yield doc, self._result_or_restart(doc, fut, pending)
            if not exhausted:
                exhausted = self._fill(pending, it)

    def _result_or_restart(self, doc, fut, pending: deque) -> Result:
        return self._result(fut)


class InProcess(_Windowed):
    """Extraction in this process, ``batch`` documents at a time (parsed together, at most
    their language's ``parse_batch`` in one model call: ``nlp.parse_many``), and at most
    ``batch_chars`` characters of text: spaCy's English model spends about 8 % less CPU per
    document parsing 8 news articles together than one by one, 12 % less with 16 (its peak
    memory grows with more: 16 a call); Russian (natasha's models over the batch's sentences
    grouped by length, ``nlp.NatashaComponent``) about 20 % less with 8, 25 % with 16 (CPU of
    the parse of the 125 Russian dev articles), and 32 cost ~4 % less ingest CPU than 16 on
    the generated corpus (+8 MB at peak); a batch's memory grows with its text (eight windows
    of ``Extractor.window_chars`` at most, as eight documents were before).

    The batches are extracted on one thread of this process, the next one while the caller
    writes the last: what the store does without Python's lock (Oxigraph's updates and
    flushes, RocksDB's memtable inserts) and what the models do without it (numpy's products)
    then overlap the other side's work instead of waiting for it. The documents are still read
    here, in the caller's thread, and the results come in input order."""

    window = 2  # batches submitted: one being extracted while the caller writes the one before

    def __init__(self, *, thread: bool = True):
        # False: each batch extracted in the caller's thread when asked (what a profiler sees)
        self.thread = thread
        self._thread = None

    def map(self, docs: Iterable) -> Iterator[tuple[object, Result]]:
        chunks = text_chunks(docs, self.batch, self.batch_chars)
        if not self.thread:
            return (pair for chunk in chunks for pair in zip(chunk, extract_many(chunk), strict=True))
        results = super().map(chunks)
        return (pair for chunk, rs in results for pair in zip(chunk, rs, strict=True))

    def _submit(self, chunk):
        from concurrent.futures import ThreadPoolExecutor

        if self._thread is None:
            self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bilat-extract")
        return self._thread.submit(extract_many, chunk)

    def close(self) -> None:
        if self._thread is not None:
            self._thread.shutdown(wait=True, cancel_futures=True)
            self._thread = None


class Processes(_Windowed):
    """``jobs`` worker processes (spawned, so that they share nothing with the writer's store),
    each loading the models once; each task is ``batch`` documents (parsed together), as many
    as :class:`InProcess` parses together: the parse costs less per document in larger
    batches (English: the workers' CPU on the 238 dev articles 10.66 s with tasks of four,
    10.33 with eight; Russian: the parse of the 125 dev articles ~0.79 of one by one with
    eight, ~0.75 with sixteen), and fewer tasks pass between the processes; the last tasks
    still taper to one document (:func:`tapered_chunks`), so the workers finish together
    (``batch`` is :class:`InProcess`'s)."""

    def __init__(self, jobs: int, *, langs: tuple[str, ...] = ()):
        if jobs < 1:
            raise ValueError(f"--jobs must be at least 1, got {jobs}")
        self.langs = tuple(langs)
        self.workers = jobs
        # tasks of `batch` documents in flight: while the writer waits for the oldest (a long
        # document), the workers go on with the next ones
        self.window = 2 * jobs + 2
        self._pool = None
        self._start()

    def _start(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=warm_up,
            initargs=(self.langs,),
        )

    def warm(self) -> None:
        """Start every worker and load its models now (not on the first documents)."""
        list(self._pool.map(_sleep_then_pid, [0.2] * self.workers))

    def map(self, docs: Iterable) -> Iterator[tuple[object, Result]]:
        # a task holds at most `batch_chars` characters too, as one job's batches do
        tasks = (
            part
            for chunk in tapered_chunks(docs, self.batch, self.workers)
            for part in text_chunks(chunk, len(chunk), self.batch_chars)
        )
        results = super().map(tasks)  # submitted now
        return (pair for chunk, rs in results for pair in zip(chunk, rs, strict=True))

    def _submit(self, chunk):
        return self._pool.submit(extract_many, chunk)

    def _result_or_restart(self, chunk, fut, pending: deque) -> list[Result]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return fut.result()
        except BrokenProcessPool:
            # every pending future is lost with the pool: restart it and resubmit the others
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._start()
            for i, (c, _) in enumerate(pending):
                pending[i] = (c, self._submit(c))
            if len(chunk) == 1:
                return [("error", "the worker process extracting it died")]
            # again one document at a time: only the one that kills its worker fails
            out: list[Result] = []
            for doc in chunk:
                out += self._result_or_restart([doc], self._submit([doc]), pending)
            return out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _sleep_then_pid(seconds: float) -> int:
    import time

    time.sleep(seconds)  # keeps one worker busy so that the next task goes to another
    return os.getpid()


class Dask(_Windowed):
    """The workers of a Dask cluster: ``address`` is a scheduler address
    (``tcp://host:8786``) or a ``distributed.Client``."""

    def __init__(self, address):
        from distributed import Client

        if isinstance(address, Client):
            self.client, self._own = address, False
        else:
            try:
                self.client, self._own = Client(address, timeout="20s"), True
            except OSError as e:
                raise OSError(f"--dask {address}: cannot reach the scheduler: {e}") from e
        threads = sum(self.client.nthreads().values()) or 1
        self.workers = threads
        self.window = 2 * threads + 2

    def _submit(self, doc):
        return self.client.submit(extract_one, doc, pure=False)

    def _result(self, fut) -> Result:
        try:
            return fut.result()
        except Exception as e:  # noqa: BLE001 - a lost worker, a cancelled task
            return ("error", f"on the Dask cluster: {first_line(e)}")
        finally:
            fut.release()

    def close(self) -> None:
        if self._own:
            self.client.close()


def pool(jobs: int = 1, dask=None):
    """The extractor pool for ``--jobs`` / ``--dask``."""
    if dask is not None:
        return Dask(dask)
    if jobs <= 1:
        return InProcess()
    return Processes(jobs)
