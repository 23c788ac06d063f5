"""tools/make_officials.py, the source: the columns of the extract, reading the tab-separated
tables of tools/data, and ``--refresh`` (re-extracting the source from git clones of the
EveryPolitician repositories)."""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tools" / "data"

import sources  # noqa: E402

HEADS_COLUMNS = ["country", "position", "position_label", "person", "name", "start", "end"]
FM_COLUMNS = ["country", "position", "position_label", "person", "name", "start"]
CABINET_COLUMNS = ["country", "position_label", "person", "name", "start", "end", "repository", "enwiki"]


def rows(path: Path) -> list[list[str]]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            out.append(raw.split("\t"))
    return out


# --------------------------------------------------------------------------- snapshot
def _git_versions(git_dir: str, path: str) -> list[str]:
    """Every committed version of ``path``, oldest first."""
    commits = subprocess.run(
        ["git", "--git-dir", git_dir, "log", "--reverse", "--format=%H", "--", path],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    out = []
    for c in commits:
        res = subprocess.run(
            ["git", "--git-dir", git_dir, "show", f"{c}:{path}"], capture_output=True, text=True
        )
        if res.returncode == 0:
            out.append(res.stdout)
    return out


def refresh(
    leaders_git: str, foreign_git: str, newer: list[str] = (), cabinets: list[str] = (), into=None
) -> None:
    """Merge every version of the two source files (the newest version of a row wins);
    ``newer``: files holding later versions of the leaders' file than the clone has."""
    heads: dict[tuple, list[str]] = {}
    versions = _git_versions(leaders_git, "data/wikidata.csv")
    versions += [Path(p).read_text(encoding="utf-8") for p in newer]
    for text in versions:
        for r in csv.DictReader(io.StringIO(text)):
            if "countryid" not in r:  # the first version named its columns otherwise
                continue
            row = [
                r["countryid"],
                r["position"],
                r["positionLabel"],
                r["officeholder"],
                r["officeholderLabel"],
                r["start_year"],
                r["end_year"],
            ]
            heads[(r["position"], r["officeholder"], r["start_year"])] = row
    fms: dict[tuple, list[str]] = {}
    for text in _git_versions(foreign_git, "sources/foreign/wikidata.csv"):
        for r in csv.DictReader(io.StringIO(text)):
            name = r.get("name") or r.get("personLabel") or ""
            if not r["person"]:
                continue
            row = [r["country"], r["position"], r["positionLabel"], r["person"], name, r["start"]]
            fms[(r["position"], r["person"], r["start"])] = row
    # per-country histories: html/holders21.csv of the repositories in wikidata_cabinet_repos.tsv
    country_of_repo = {r[0]: r[1] for r in rows(DATA / "wikidata_cabinet_repos.tsv")}
    cab: dict[tuple, list[str]] = {}
    for git_dir in cabinets:
        repo = next(
            (r for r in country_of_repo if f"+{r}" in git_dir or git_dir.rstrip("/").endswith(r)), None
        )
        if repo is None:
            raise SystemExit(f"{git_dir}: not a repository of wikidata_cabinet_repos.tsv")
        res = subprocess.run(
            ["git", "--git-dir", git_dir, "show", "HEAD:html/holders21.csv"],
            check=True,
            capture_output=True,
            text=True,
        )
        for r in csv.DictReader(io.StringIO(res.stdout)):
            enwiki = re.sub(r" \(.*\)$", "", r.get("enwiki") or "")  # "Bakhodir Kurbanov (general)"
            row = [
                country_of_repo[repo],
                r["position"],
                r["personID"],
                r["person"],
                r["start"],
                r["end"],
                repo,
                enwiki,
            ]
            cab[(row[0], r["position"], r["personID"], r["start"])] = row
    snap = Path(into) if into else sources.candidates("wikidata-officials")[0]
    snap.mkdir(parents=True, exist_ok=True)
    outputs = [("heads.csv", HEADS_COLUMNS, heads), ("foreign_ministers.csv", FM_COLUMNS, fms)]
    if cabinets:
        outputs.append(("cabinets.csv", CABINET_COLUMNS, cab))
    for name, cols, data in outputs:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        for key in sorted(data):
            w.writerow(data[key])
        (snap / name).write_text(buf.getvalue(), encoding="utf-8")
