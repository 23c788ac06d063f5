"""The doctested examples of every module of bilat run as tests: modules are found by walking
the packages, so a new module's examples are collected without listing it here."""

import doctest
import importlib
import pkgutil

import pytest

import bilat


def _modules() -> list[str]:
    names = ["bilat"]
    for info in pkgutil.walk_packages(bilat.__path__, prefix="bilat."):
        if not info.name.endswith("__main__"):
            names.append(info.name)
    for sub in ("extract", "graph", "ontology"):
        pkg = importlib.import_module(f"bilat.{sub}")
        names += [
            i.name
            for i in pkgutil.walk_packages(pkg.__path__, prefix=f"bilat.{sub}.")
            if not i.name.endswith("__main__")
        ]
    return sorted(set(names))


MODULES = _modules()


def test_the_walk_finds_the_packages():
    assert {"bilat.extract.records", "bilat.graph.iris", "bilat.evaluate.gold"} <= set(MODULES)


SLOW = {"bilat.api"}  # its example ingests an article with the real NLP pipelines


@pytest.mark.parametrize(
    "name", [pytest.param(m, marks=pytest.mark.slow) if m in SLOW else m for m in MODULES]
)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
