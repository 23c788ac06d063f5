"""The ``bilat`` command line: ``main(argv) -> int`` over the functions of :mod:`bilat.app`.

Exit codes: 0 success, 1 the work failed (a bad query, violations), 2 bad usage or unreadable
input. Errors are one line on stderr; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

EXPORT_FORMATS = ("graphml", "gexf", "events-csv", "events-parquet", "turtle", "trig", "nquads", "jsonld")
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


def _jobs(text: str) -> int:
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a number of jobs (1 or more)")
    return n


def _iso_date(text: str) -> str:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def _classes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def _network_filters(sp, around_required: bool = False) -> None:
    sp.add_argument(
        "--around",
        metavar="ENTITY",
        required=around_required,
        help="only the neighbourhood of ENTITY (IRI, key such as 'russia', or name)",
    )
    sp.add_argument("--hops", type=int, default=None, help="neighbourhood radius (default 1)")
    sp.add_argument(
        "--from",
        dest="start",
        type=_iso_date,
        metavar="DATE",
        help="only events on or after DATE (YYYY-MM-DD)",
    )
    sp.add_argument(
        "--to", dest="end", type=_iso_date, metavar="DATE", help="only events on or before DATE (YYYY-MM-DD)"
    )
    sp.add_argument(
        "--classes", type=_classes, metavar="A,B", help="only these event classes (Consult,Agree,...)"
    )
    sp.add_argument(
        "--not-happened",
        choices=("exclude", "flag"),
        default=None,
        help="planned, hypothetical and negated events: leave out (default) or keep, flagged",
    )


def _filters(args) -> dict:
    out = {k: getattr(args, k, None) for k in ("around", "hops", "start", "end", "classes", "not_happened")}
    if out["hops"] is not None and not out["around"]:
        raise UsageError("bilat: --hops needs --around")
    return out


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
    p = _Parser(
        prog="bilat", description="Bilateral-relations knowledge graph: news → RDF → SPARQL → GraphML."
    )
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def with_store(sp):
        sp.add_argument(
            "--store",
            help="store folder or sparql+http://host:port URL (default: $BILAT_STORE or ./bilat-store)",
        )
        sp.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return sp

    sp = with_store(sub.add_parser("ingest", help="read files or folders, extract, add to the store"))
    sp.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or folders; '-' reads JSON lines from standard input"
    )
    sp.add_argument(
        "--mentions",
        choices=("full", "compact", "none"),
        default="compact",
        help="mention detail kept per document: one node per mention and argument "
        "(full), one node per entity with its spans in one literal (compact, "
        "the default), or the event triggers' offsets only (none)",
    )
    sp.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        help="extract in N worker processes (models loaded once per worker; this process writes)",
    )
    sp.add_argument(
        "--dask",
        metavar="SCHEDULER_ADDRESS",
        help="extract on the Dask cluster of this scheduler (tcp://host:8786)",
    )
    sp.add_argument(
        "--progress-every",
        type=int,
        default=100,
        metavar="N",
        help="on a non-terminal, a progress line every N documents (and every 30 s)",
    )
    sp.add_argument(
        "--max-size",
        type=_size,
        metavar="SIZE",
        help="refuse a document larger than SIZE (e.g. 16M, 500K; 0: no limit; "
        "default $BILAT_MAX_SIZE or 16M)",
    )

    sp = with_store(sub.add_parser("query", help="run a SPARQL query"))
    sp.add_argument("sparql", nargs="?", metavar="SPARQL")
    sp.add_argument("-f", "--file", help="read the query from FILE")
    sp.add_argument("--saved", metavar="NAME", help="run a saved question (see --list-saved)")
    sp.add_argument(
        "--param",
        action="append",
        metavar="NAME=VALUE",
        help="a parameter of the saved question (repeatable)",
    )
    sp.add_argument("--list-saved", action="store_true", help="list the saved questions and their parameters")
    sp.add_argument("--format", default="table", choices=QUERY_FORMATS)

    sp = with_store(sub.add_parser("export", help="write the store as GraphML, GEXF, an events table or RDF"))
    sp.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    sp.add_argument("-o", "--output", required=True, metavar="FILE")
    _network_filters(sp)

    sp = with_store(sub.add_parser("serve", help="read-only SPARQL 1.1 endpoint"))
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=_port, default=7878)
    sp.add_argument("--timeout", type=_positive, default=30.0, help="query time limit in seconds")
    sp.add_argument(
        "--workers",
        type=_workers,
        default=None,
        help="queries run at once, each in its own process (default: the number of cores)",
    )
    sp.add_argument(
        "--cors",
        metavar="ORIGIN",
        default=None,
        help="let web pages from ORIGIN (e.g. https://example.org, or *) read "
        "answers in a browser (default: no cross-origin access)",
    )

    sp = sub.add_parser("plot", help="pictures (PNG and SVG): a dyad's timeline, an actor network")
    plots = sp.add_subparsers(dest="plot", required=True, parser_class=_Parser)
    pp = with_store(
        plots.add_parser(
            "timeline", help="events per month by class and mean Goldstein for a pair of countries"
        )
    )
    pp.add_argument(
        "--dyad", nargs=2, required=True, metavar=("A", "B"), help="two countries (names, keys or IRIs)"
    )
    pp.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.png and FILE.svg are written")
    pp = with_store(plots.add_parser("network", help="the actor network around an entity"))
    pp.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.png and FILE.svg are written")
    _network_filters(pp, around_required=True)

    sp = with_store(
        sub.add_parser("view", help="one self-contained HTML page: actor network and dyad timeline")
    )
    sp.add_argument("-o", "--output", required=True, metavar="FILE")
    sp.add_argument(
        "--dyad",
        nargs=2,
        metavar=("A", "B"),
        help="the pair of countries of the timeline (default: the pair with most events)",
    )
    sp.add_argument("--max-nodes", type=int, default=80, help="keep the N most connected actors (default 80)")
    _network_filters(sp)

    with_store(sub.add_parser("validate", help="SHACL validation against ontology/shapes.ttl"))
    with_store(sub.add_parser("stats", help="counts of documents, entities, events, triples"))
    with_store(sub.add_parser("compact", help="rewrite an embedded store compressed (about half the size)"))

    sp = sub.add_parser("eval", help="measure extraction quality on annotated articles")
    sp.add_argument("gold_dir", metavar="GOLD_DIR")
    sp.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    sp.add_argument("--baseline", metavar="FILE", help="fail (exit 1) when a figure drops below this file's")
    sp.add_argument(
        "--errors",
        metavar="FILE",
        help="also write what went wrong, per document (missed and false entities, posts, events) as JSON",
    )
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
        from bilat.graph.kb import KBError
        from bilat.graph.sparql_errors import EndpointError, QueryError
        from bilat.graph.store import StoreError

        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        if isinstance(e, KBError):  # a broken installation
            print(f"bilat: {msg}", file=sys.stderr)
            return 1
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
    from bilat.graph.store import limit_malloc_arenas, open_store

    if create:
        limit_malloc_arenas()  # this process writes: before RocksDB's threads first allocate
    return open_store(args.store, create=create, read_only=not create)


def _run(args) -> int:
    from bilat import app

    cmd = args.command
    if cmd == "ingest":
        missing = [p for p in args.paths if p != "-" and not os.path.exists(p)]
        if len(missing) == len(args.paths):  # nothing to read: do not create an empty store
            raise UsageError(f"{missing[0]}: no such file or folder")
        if args.jobs > 1 and args.dask:
            raise UsageError("bilat ingest: --jobs and --dask do not go together")
        with _open(args, create=True) as store:
            summary = app.ingest(
                args.paths,
                store=store,
                progress="bar" if sys.stderr.isatty() else "lines",
                mentions=args.mentions,
                jobs=args.jobs,
                dask=args.dask,
                progress_every=(args.progress_every, 30.0),
                max_bytes=args.max_size,
            )
        print(summary.line())
        # 2: some input could not be read (the rest went in); 1: extraction or a write failed
        return 2 if summary.skipped else 1 if summary.failed else 0
    if cmd == "query":
        if args.list_saved:
            from bilat.graph.saved import list_saved

            for q in list_saved():
                print(f"{q.name}: {q.title}. {q.description}")
                for p in q.params:
                    print(f"    --param {p.name}=<{p.type}>  {p.doc}")
            return 0
        given = sum(x is not None for x in (args.sparql, args.file, args.saved))
        if given != 1:
            raise UsageError("bilat query: give a SPARQL string, -f FILE or --saved NAME (one of them)")
        if args.param and not args.saved:
            raise UsageError("bilat query: --param goes with --saved")
        if args.saved:
            from bilat.graph.saved import parse_params, prepare

            query = None  # bound against the open store below (entity names are looked up)
        elif args.file:
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
            if args.saved:
                try:
                    query = prepare(store, args.saved, parse_params(args.param))
                except ValueError as e:
                    raise UsageError(f"bilat query: {e}") from e
            fmt = "json" if args.format == "table" else args.format
            data, _ = store.run_query(query, fmt=fmt)
        if args.format == "table":
            from bilat.graph.results import format_table
            from bilat.graph.sparql_text import query_kind

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
            print(app.export(store, args.format, args.output, **_filters(args)))
        return 0
    if cmd == "plot":
        from bilat.graph import plots

        with _open(args) as store:
            if args.plot == "timeline":
                files, n = plots.timeline(store, args.dyad[0], args.dyad[1], args.output)
                print(f"{n} events → {', '.join(map(str, files))}")
            else:
                from bilat.graph.views import network

                filters = {k: v for k, v in _filters(args).items() if v is not None}
                G = network(store, **filters)
                files = plots.network_picture(G, args.output, title=f"around {args.around}")
                print(
                    f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges → {', '.join(map(str, files))}"
                )
        return 0
    if cmd == "view":
        from bilat.graph.page import write_page

        with _open(args) as store:
            filters = {k: v for k, v in _filters(args).items() if v is not None}
            print(write_page(store, args.output, dyad=args.dyad, max_nodes=args.max_nodes, **filters))
        return 0
    if cmd == "serve":
        from bilat.graph.server import serve
        from bilat.graph.store import default_location

        serve(
            store=args.store or default_location(),
            host=args.host,
            port=args.port,
            timeout=args.timeout,
            workers=args.workers,
            cors=args.cors,
        )
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
    if cmd == "compact":
        from bilat.graph.store import compact_store, default_location

        quads, before, after = compact_store(args.store or default_location())
        print(f"compacted: {quads} quads, {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
        return 0
    if cmd == "eval":
        from bilat import evaluate

        return evaluate.main(args)
    raise UsageError(f"bilat: unknown command {cmd}")  # pragma: no cover
