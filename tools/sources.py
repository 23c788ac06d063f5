"""Where the generators of kb/ find their fetched sources (not committed: see kb/README.md).

The raw sources (mledoze/countries, the EveryPolitician/Wikidata extracts) are public data of
other repositories; this repository keeps only what our scripts make of them (kb/*.ttl). A
generator finds a source at, in order: the path given with ``--source``, ``$BILAT_SOURCES/<name>``,
``~/.cache/bilat-sources/<name>``, then the git directory the tool library's ``fetch`` makes
(``/work/.mirror/<owner>+<repo>/repo``). A git directory is read at the pinned commit below.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

MIRRORS = Path(os.environ.get("BILAT_MIRRORS", "/work/.mirror"))

# name → (GitHub repository, pinned commit, file in it, how to obtain it)
SOURCES = {
    "mledoze-countries": (
        "mledoze/countries",
        "5e9f370050f83ad2ba4cb885f75d66114badf72c",
        "countries.json",
        "fetch github:mledoze/countries (or git clone https://github.com/mledoze/countries), "
        "then pass its git dir with --source or put it at ~/.cache/bilat-sources/mledoze-countries",
    ),
    "everypolitician-countries": (
        "everypolitician/viewer-sinatra",
        "42cc2a01fc6833efd0b47de988409ae678450224",
        "t/fixtures/d8a4682f-countries.json",
        "fetch github:everypolitician/viewer-sinatra (its test fixture is everypolitician-data's "
        "countries.json at commit d8a4682f), then pass its git dir or that file with --source",
    ),
    "wikidata-officials": (
        "every-politician-scrapers/world-leaders-2021",
        "",
        "",
        "run tools/make_officials.py --refresh ... (kb/README.md, officials.ttl) to extract it "
        "into ~/.cache/bilat-sources/wikidata-officials, or pass that folder with --source",
    ),
    "verbnet": (
        "cu-clear/verbnet",
        "ae8e9cfdc2c0d3414b748763612f1a0a34194cc1",
        "verbnet3.4",
        "fetch github:cu-clear/verbnet (or git clone https://github.com/cu-clear/verbnet), then "
        "pass its git dir or its verbnet3.4 folder with --source",
    ),
}


class SourceMissing(SystemExit):
    """A fetched source is not on this machine: one line saying how to obtain it."""


def candidates(name: str, given: str | os.PathLike | None = None) -> list[Path]:
    if given:
        return [Path(given).expanduser()]
    out = []
    if os.environ.get("BILAT_SOURCES"):
        out.append(Path(os.environ["BILAT_SOURCES"]).expanduser() / name)
    out.append(Path.home() / ".cache" / "bilat-sources" / name)
    repo, commit = SOURCES[name][:2]
    if commit:  # a pinned git source: fetch's mirror of it
        out.append(MIRRORS / repo.replace("/", "+") / "repo")
    return out


def locate(name: str, given: str | os.PathLike | None = None) -> Path:
    """The first existing candidate for source ``name``, else exit with how to obtain it."""
    for path in candidates(name, given):
        if path.exists():
            return path
    where = ", ".join(str(p) for p in candidates(name, given))
    raise SourceMissing(f"source {name} not found (looked in {where}): {SOURCES[name][3]}")


def is_git_dir(path: Path) -> bool:
    return (path / "HEAD").is_file() and (path / "objects").is_dir()


def read_text(name: str, given: str | os.PathLike | None = None) -> str:
    """The pinned file of source ``name``: from a git dir at the pinned commit, else a plain file
    (the path itself, or the file of that name in the folder)."""
    _repo, commit, file, how = SOURCES[name]
    path = locate(name, given)
    if is_git_dir(path):
        res = subprocess.run(
            ["git", "--git-dir", str(path), "show", f"{commit}:{file}"], capture_output=True, text=True
        )
        if res.returncode != 0:
            raise SourceMissing(f"source {name}: {path} has no commit {commit}: {how}")
        return res.stdout
    if path.is_dir():
        path = path / file
    if not path.is_file():
        raise SourceMissing(f"source {name}: no {file} in {path.parent}: {how}")
    return path.read_text(encoding="utf-8")


def mledoze_countries(given: str | os.PathLike | None = None) -> list[dict]:
    """countries.json of mledoze/countries (ODbL 1.0) at the pinned commit."""
    return json.loads(read_text("mledoze-countries", given))


def everypolitician_countries(given: str | os.PathLike | None = None) -> list[dict]:
    """countries.json of everypolitician/everypolitician-data (commit d8a4682f, 2016-07), as
    everypolitician/viewer-sinatra keeps it for its tests, at the pinned commit."""
    return json.loads(read_text("everypolitician-countries", given))


def un_members(data: list[dict], excluded: set[str]) -> dict[str, dict]:
    """ISO alpha-2 → country record, for the UN member states of ``data`` not in ``excluded``.

    >>> sorted(un_members([{"cca2": "KZ", "unMember": True}, {"cca2": "VA", "unMember": True},
    ...                    {"cca2": "XK", "unMember": False}], {"VA"}))
    ['KZ']
    """
    return {c["cca2"]: c for c in data if c.get("unMember") and c["cca2"] not in excluded}


def source_arg(parser, name: str) -> None:
    parser.add_argument(
        "--source",
        metavar="PATH",
        default=None,
        help=f"where the fetched source {name} is (default: $BILAT_SOURCES/{name}, "
        f"~/.cache/bilat-sources/{name}, or fetch's mirror)",
    )


def is_stale(out: Path, text: str, tool: str) -> bool:
    """Whether the generated file ``out`` differs from ``text`` (what ``tool`` would write now);
    says so in one line on stderr. The ``--check`` of every generator."""
    if out.exists() and out.read_text(encoding="utf-8") == text:
        return False
    print(f"{out} is stale: run {tool}", file=sys.stderr)
    return True


if __name__ == "__main__":  # python tools/sources.py: where each source would be read from
    for name in SOURCES:
        found = [str(p) for p in candidates(name) if p.exists()]
        print(f"{name}\t{found[0] if found else 'MISSING: ' + SOURCES[name][3]}", file=sys.stdout)
