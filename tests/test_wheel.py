"""The wheel installs a whole bilat: every package, every data file and the knowledge base.

The slow test builds the wheel, installs it (``--no-deps``, no network) in a fresh virtual
environment that sees the project's installed dependencies through a ``.pth`` file (but not the
project's own editable install), and ingests the example articles from outside the checkout.
"""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"

#: source folder -> its place in the installed package (pyproject.toml's package-dir)
PACKAGE_DIRS = {
    "bilat": "bilat",
    "extract": "bilat/extract",
    "graph": "bilat/graph",
    "ontology": "bilat/ontology",
}
DATA_SUFFIXES = {".tsv", ".ttl", ".rq", ".html"}


def expected_files() -> set[str]:
    """What the wheel must hold: the modules and data files of the packages, and ``kb/``."""
    out = set()
    for src, dest in PACKAGE_DIRS.items():
        for path in (ROOT / src).rglob("*"):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            if path.suffix == ".py" or path.suffix in DATA_SUFFIXES:
                out.add(f"{dest}/{path.relative_to(ROOT / src).as_posix()}")
    for path in (ROOT / "kb").iterdir():
        if path.suffix in {".ttl", ".tsv"}:
            out.add(f"bilat/kb/{path.name}")
    return out


def test_every_folder_with_modules_is_a_listed_package():
    import tomllib

    conf = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(conf["packages"])
    for src, dest in PACKAGE_DIRS.items():
        for init in (ROOT / src).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / src).parts
            assert ".".join((dest.replace("/", "."), *rel)) in listed, init
    assert conf["package-dir"]["bilat.kb"] == "kb" and "bilat.kb" in listed


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the sources (setuptools writes build/ beside them)."""
    out = tmp_path_factory.mktemp("wheel")
    src = out / "src"
    src.mkdir()
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in ("pyproject.toml", "README.md", *PACKAGE_DIRS, "kb"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=skip)
        else:
            shutil.copy2(ROOT / name, src / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index"]
        + ["--disable-pip-version-check", "-w", str(out), str(src)],
        check=True,
        cwd=out,
    )
    (whl,) = out.glob("bilat-*.whl")
    return whl


@pytest.mark.slow
def test_the_wheel_holds_every_module_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(expected_files() - names)
    assert not missing, missing
    assert "bilat/extract/events/__init__.py" in names and "bilat/kb/countries.ttl" in names


@pytest.mark.slow
def test_the_installed_wheel_ingests_with_its_knowledge_base(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False, symlinks=True).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # The project's dependencies, appended after the fresh site-packages: a path line of a .pth
    # file does not run the .pth files of that folder, so the editable bilat stays invisible.
    deps = sysconfig.get_paths()["purelib"]
    (Path(purelib) / "project_deps.pth").write_text(deps + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index"]
        + ["--disable-pip-version-check", str(wheel)],
        check=True,
    )
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "BILAT_KB_EXTRA"}}
    env["BILAT_CACHE_DIR"] = str(tmp_path / "cache")
    where = subprocess.run(
        [str(python), "-c", "import bilat.graph.kb as k; print(k.__file__); print(k.DEFAULT_DIR)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout.split()
    assert all(p.startswith(purelib) for p in where), where  # the wheel's bilat, not the checkout

    bilat = env_dir / "bin" / "bilat"
    store = tmp_path / "store"
    run = subprocess.run(
        [str(bilat), "ingest", str(EXAMPLES), "--store", str(store)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    query = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a bl:%s }"
    for cls in ("Country", "Person"):
        res = subprocess.run(
            [str(bilat), "query", query % cls, "--store", str(store), "--format", "json"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
        )
        assert res.returncode == 0, res.stderr
        n = int(json.loads(res.stdout)["results"]["bindings"][0]["n"]["value"])
        assert n > 0, (cls, res.stdout)


def test_a_missing_knowledge_base_is_one_line_and_exit_1(tmp_path, monkeypatch, capsys):
    from bilat import cli
    from bilat.graph import kb

    for broken, what in ((tmp_path / "absent", "not found"), (tmp_path / "empty", "is empty")):
        if what == "is empty":
            broken.mkdir()
        monkeypatch.setattr(kb, "DEFAULT_DIR", broken)
        kb.clear_cache()
        with pytest.raises(kb.KBError, match=what):
            kb.load_kb()
        monkeypatch.setattr("bilat.app._VERSION", None)
        monkeypatch.setattr("bilat.app._EXTRACTOR", None)
        code = cli.main(["ingest", str(EXAMPLES), "--store", str(tmp_path / "store")])
        err = capsys.readouterr().err.strip()
        assert code == 1
        assert err.startswith(f"bilat: knowledge base {what}") and "\n" not in err, err
    kb.clear_cache()
