"""N-Triples terms and lines built as strings, exactly as rdflib's ``n3()`` writes them.

The writer turns some hundred triples a document into SPARQL Update text. Made as rdflib terms
first, each cost a ``Literal`` (5-10 µs: it parses and checks its value), hashing and comparing
in Python (``Literal.__hash__``, ``Identifier.__eq__``) and its ``n3()``: a third of the
writer's own time. Here the terms the writer makes again and again (IRIs, plain and
language-tagged strings, integers) are written directly, character for character as rdflib
writes them (the store receives the same terms; a string with a line break is written on one
line, escaped, where rdflib uses triple quotes); typed literals whose lexical form rdflib
normalizes (dates, decimals, URIs) still go through rdflib.

>>> print(line(iri("urn:a"), iri("urn:p"), text('say "hi"', "en")))
<urn:a> <urn:p> "say \\"hi\\""@en .
"""

from __future__ import annotations

_XSD_INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"


def iri(value: str) -> str:
    """An IRI (bilat's own: quoted, so valid) as N-Triples.

    >>> iri("https://w3id.org/bilat/id/russia")
    '<https://w3id.org/bilat/id/russia>'
    """
    return f"<{value}>"


def quoted(value: str) -> str:
    r'''A string between quotes, on one line: backslash, quote, line feed and carriage return
    escaped, as N-Triples writes it (and as Oxigraph serializes what it stores). rdflib's
    ``Literal.n3()`` puts a string with a line break between triple quotes instead, and gets a
    string ending in a backslash before a quote wrong there (text no SPARQL parser reads).

    >>> print(quoted('a "b" c\\d'), quoted("a\rb"), quoted(""), quoted('x\ny\\"'))
    "a \"b\" c\\d" "a\rb" "" "x\ny\\\""
    >>> import pyoxigraph
    >>> samples = ('x\n"""y', 'x\ny\\"', "x\r\ny", "\n", 'a"\\', "\\", 'say "hi"')
    >>> store = pyoxigraph.Store()
    >>> for n, s in enumerate(samples):
    ...     store.update(f"INSERT DATA {{ <urn:s> <urn:p{n}> {quoted(s)} }}")
    >>> [next(iter(store.quads_for_pattern(None, pyoxigraph.NamedNode(f"urn:p{n}"), None))).object.value
    ...  for n in range(len(samples))] == list(samples)
    True
    '''
    return (
        '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'
    )


def text(value: str, lang: str | None = None) -> str:
    """A string literal, in ``lang`` if any (``Literal(value, lang=lang).n3()``).

    >>> text("России", "ru"), text("x"), text("x", "")
    ('"России"@ru', '"x"', '"x"')
    """
    return f"{quoted(value)}@{lang}" if lang else quoted(value)


def integer(value: int) -> str:
    """An xsd:integer literal (``Literal(value).n3()``).

    >>> from rdflib import Literal
    >>> integer(42) == Literal(42).n3() and integer(-3) == Literal(-3).n3()
    True
    """
    return f'"{value}"^^{_XSD_INTEGER}'


def line(s: str, p: str, o: str) -> str:
    """One triple (its terms in N-Triples) as an N-Triples line."""
    return f"{s} {p} {o} ."


def subject_of(line_: str) -> str:
    """The subject of an N-Triples line (bilat's subjects are IRIs, which hold no space).

    >>> subject_of('<urn:a> <urn:p> "x y" .'), predicate_of('<urn:a> <urn:p> "x y" .')
    ('<urn:a>', '<urn:p>')
    """
    return line_.split(" ", 1)[0]


def predicate_of(line_: str) -> str:
    """The predicate of an N-Triples line."""
    return line_.split(" ", 2)[1]


class Terms:
    """A namespace whose terms are each looked up once, as rdflib terms or, with ``make``, as
    what ``make`` makes of them (``Terms(BL, make=iri).participant`` →
    ``"<https://w3id.org/bilat/ontology#participant>"``): an rdflib ``DefinedNamespace``
    checks the name and makes a new ``URIRef`` at every ``BL.participant`` (0.6 µs, some 800
    times a document); an unknown name still fails as there.

    >>> from bilat.ontology.namespace import BL
    >>> bl = Terms(BL)
    >>> bl.Person is bl.Person and bl["Person"] is bl.Person and bl.Person == BL.Person
    True
    >>> Terms(BL, make=iri).Person, Terms(BL, make=iri)["Person"]
    ('<https://w3id.org/bilat/ontology#Person>', '<https://w3id.org/bilat/ontology#Person>')
    >>> bl.Persn
    Traceback (most recent call last):
    ...
    AttributeError: term 'Persn' not in namespace 'https://w3id.org/bilat/ontology#'
    """

    def __init__(self, namespace, *, make=None):
        self._namespace = namespace
        self._make = make

    def __getattr__(self, name: str):
        term = getattr(self._namespace, name)
        if self._make is not None:
            term = self._make(term)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str):
        return getattr(self, name)

    def __str__(self) -> str:
        return str(self._namespace)
