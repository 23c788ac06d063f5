"""bilat: a bilateral-relations knowledge graph (news in English and Russian to RDF).

``bilat.open(store)`` opens a store for Python (see :mod:`bilat.api`)."""

__version__ = "0.1.0"


def open(location=None, *, create=True):  # noqa: A001 - the API's name
    """Open (or create) a bilat store; see :func:`bilat.api.open`."""
    from bilat.api import open as _open

    return _open(location, create=create)
