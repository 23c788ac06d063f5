"""SPARQL JSON results as an HTML table (the endpoint page's ``format=html``)."""

from __future__ import annotations

import html
import json


def _cell(value: dict | None) -> str:
    if value is None:
        return ""
    text = html.escape(value.get("value", ""))
    if value.get("type") == "uri":
        return f'<a href="{text}">{text}</a>'
    lang = value.get("xml:lang")
    return f"{text}<sub>@{html.escape(lang)}</sub>" if lang else text


def html_table(data: bytes | str, title: str = "bilat query results") -> bytes:
    """A small HTML page with the rows of SPARQL 1.1 JSON results (or the ASK answer)."""
    doc = json.loads(data)
    head = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}'
        "</title><style>body{font:14px sans-serif;margin:1.5em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:3px 7px;vertical-align:top;text-align:left}"
        "th{background:#eef}sub{color:#888}</style></head><body>"
    )
    if "boolean" in doc:
        return (head + f"<p>ASK: <b>{'true' if doc['boolean'] else 'false'}</b></p></body></html>").encode()
    names = doc.get("head", {}).get("vars", [])
    rows = doc.get("results", {}).get("bindings", [])
    out = [
        head,
        f'<p>{len(rows)} row{"" if len(rows) == 1 else "s"} · <a href="/">new query</a></p>',
        "<table><thead><tr>",
        *(f"<th>{html.escape(n)}</th>" for n in names),
        "</tr></thead><tbody>",
    ]
    for r in rows:
        out.append("<tr>" + "".join(f"<td>{_cell(r.get(n))}</td>" for n in names) + "</tr>")
    out.append("</tbody></table></body></html>")
    return "".join(out).encode("utf-8")
