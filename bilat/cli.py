"""The ``bilat`` command line: ``main(argv) -> int`` over the functions of :mod:`bilat.app`.

Exit codes: 0 success, 1 the work failed (a bad query, violations), 2 bad usage or unreadable
input. Errors are one line on stderr; ``--debug`` shows the traceback.
"""
from __future__ import annotations

import argparse
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

EXPORT_FORMATS = ("graphml", "turtle", "trig", "nquads", "jsonld")
QUERY_FORMATS = ("table", "json", "csv", "tsv", "xml", "turtle", "ntriples")


class UsageError(Exception):
    """Bad usage or unreadable input: exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2
        raise UsageError(f"{self.prog}: {message}")


def _port(text: str) -> int:
    n = int(text)
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port (0-65535)")
    return n


def _positive(text: str) -> float:
    x = float(text)
    if not x > 0:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number of seconds")
    return x


def _size(text: str) -> int:
    from bilat.extract.ingest import parse_size

    try:
        return parse_size(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _workers(text: str) -> int:
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a number of workers (1 or more)")
    return n


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="bilat", description="Bilateral-relations knowledge graph: news → RDF → SPARQL → GraphML.")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def with_store(sp):
        sp.add_argument("--store", help="store folder or sparql+http://host:port URL "
                                        "(default: $BILAT_STORE or ./bilat-store)")
        sp.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return sp

    sp = with_store(sub.add_parser("ingest", help="read files or folders, extract, add to the store"))
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--max-size", type=_size, metavar="SIZE",
                    help="refuse a document larger than SIZE (e.g. 16M, 500K; 0: no limit; "
                         "default $BILAT_MAX_SIZE or 16M)")

    sp = with_store(sub.add_parser("query", help="run a SPARQL query"))
    sp.add_argument("sparql", nargs="?", metavar="SPARQL")
    sp.add_argument("-f", "--file", help="read the query from FILE")
    sp.add_argument("--format", default="table", choices=QUERY_FORMATS)

    sp = with_store(sub.add_parser("export", help="write the store as GraphML or RDF"))
    sp.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    sp.add_argument("-o", "--output", required=True, metavar="FILE")

    sp = with_store(sub.add_parser("serve", help="read-only SPARQL 1.1 endpoint"))
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=_port, default=7878)
    sp.add_argument("--timeout", type=_positive, default=30.0, help="query time limit in seconds")
    sp.add_argument("--workers", type=_workers, default=None,
                    help="queries run at once, each in its own process (default: the number of cores)")
    sp.add_argument("--cors", metavar="ORIGIN", default=None,
                    help="let web pages from ORIGIN (e.g. https://example.org, or *) read "
                         "answers in a browser (default: no cross-origin access)")

    with_store(sub.add_parser("validate", help="SHACL validation against ontology/shapes.ttl"))
    with_store(sub.add_parser("stats", help="counts of documents, entities, events, triples"))

    sp = sub.add_parser("eval", help="measure extraction quality on annotated articles")
    sp.add_argument("gold_dir", metavar="GOLD_DIR")
    sp.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    sp.add_argument("--baseline", metavar="FILE", help="fail (exit 1) when a figure drops below this file's")
    sp.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        args = _parser().parse_args(argv)
        return _run(args)
    except UsageError as e:
        if debug:
            raise
        print(str(e).splitlines()[0], file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bilat: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 - map every failure to one line and an exit code
        if debug:
            raise
        from bilat.graph.sparql import EndpointError, QueryError
        from bilat.graph.store import StoreError

        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        if isinstance(e, EndpointError):  # the store, not the query
            print(f"bilat: {msg}", file=sys.stderr)
            return 2
        if isinstance(e, QueryError):
            print(f"bilat: bad query: {msg}", file=sys.stderr)
            return 1
        if isinstance(e, (StoreError, OSError, ValueError)):  # bad store, bad combination of options
            print(f"bilat: {msg}", file=sys.stderr)
            return 2
        print(f"bilat: {type(e).__name__}: {msg}", file=sys.stderr)
        return 1


def _open(args, *, create: bool = False):
    """The store: read-write for the writer (``create``), read-only for every reader."""
    from bilat.graph.store import open_store

    return open_store(args.store, create=create, read_only=not create)


def _run(args) -> int:
    from bilat import app

    cmd = args.command
    if cmd == "ingest":
        missing = [p for p in args.paths if not os.path.exists(p)]
        if len(missing) == len(args.paths):  # nothing to read: do not create an empty store
            raise UsageError(f"{missing[0]}: no such file or folder")
        with _open(args, create=True) as store:
            summary = app.ingest(args.paths, store=store, progress=sys.stderr.isatty(),
                                 max_bytes=args.max_size)
        print(summary.line())
        # 2: some input could not be read (the rest went in); 1: extraction or a write failed
        return 2 if summary.skipped else 1 if summary.failed else 0
    if cmd == "query":
        if (args.sparql is None) == (args.file is None):
            raise UsageError("bilat query: give a SPARQL string or -f FILE (one of them)")
        if args.file:
            try:
                with open(args.file, encoding="utf-8") as f:
                    query = f.read()
            except OSError as e:
                raise UsageError(f"{args.file}: cannot read: {e.strerror}") from e
            except UnicodeDecodeError as e:
                raise UsageError(f"{args.file}: not UTF-8 text (byte {e.start})") from e
        else:
            query = args.sparql
        with _open(args) as store:
            fmt = "json" if args.format == "table" else args.format
            data, _ = store.run_query(query, fmt=fmt)
        if args.format == "table":
            from bilat.graph.sparql import format_table, query_kind

            if query_kind(query) in ("SELECT", "ASK"):
                sys.stdout.write(format_table(data))
                if not format_table(data).endswith("\n"):
                    sys.stdout.write("\n")
                return 0
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    if cmd == "export":
        with _open(args) as store:
            print(app.export(store, args.format, args.output))
        return 0
    if cmd == "serve":
        from bilat.graph.server import serve

        from bilat.graph.store import default_location

        serve(store=args.store or default_location(), host=args.host, port=args.port, timeout=args.timeout,
              workers=args.workers, cors=args.cors)
        return 0
    if cmd == "validate":
        with _open(args) as store:
            conforms, text = app.validate(store)
        if conforms:
            print("conforms: the store satisfies ontology/shapes.ttl")
            return 0
        print(text)
        return 1
    if cmd == "stats":
        with _open(args) as store:
            print("\n".join(app.stats(store).lines()))
        return 0
    if cmd == "eval":
        from bilat import evaluate

        return evaluate.main(args)
    raise UsageError(f"bilat: unknown command {cmd}")  # pragma: no cover
