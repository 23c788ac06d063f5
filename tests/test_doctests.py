"""The doctested examples of the modules run as tests."""
import doctest
import importlib

import pytest

MODULES = ["bilat.extract.records", "bilat.extract.text", "bilat.extract.link", "bilat.extract.nlp",
           "bilat.extract.pipeline",
           "bilat.graph.iris", "bilat.graph.sparql", "bilat.graph.kb", "bilat.graph.export"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
