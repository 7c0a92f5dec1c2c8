"""HTML page → Document with trafilatura: main text, title, publication date, outlet.

Two pages trafilatura cannot read are read by the streaming fallback (`html_text.scan_html`,
issue 18): one of more than `TRAFILATURA_MAX_ELEMENTS` elements (its cost grows faster than the
page), and one that trafilatura finds empty because it nests deeper than lxml's tree goes
(`LXML_MAX_DEPTH`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

import trafilatura
from lxml import etree

from eventwire.ingest.html_text import HtmlScan, scan_html
from eventwire.ingest.text import build_document
from eventwire.models import Document, Skip

log = logging.getLogger(__name__)

# Publication date only from the page's own metadata (meta tags, JSON-LD, URL, <time>), never
# guessed from dates mentioned in the article body: a dispatch's body dates are incident dates,
# and the reference date must not be one of them.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class HtmlExtract:
    """What trafilatura found in a page: paragraphs joined by blank lines, plus metadata."""

    text: str
    title: str | None
    published: date | None
    outlet: str | None
    url: str | None


# Pages longer than this many characters are scanned first (linear, ~0.2 s per 300 KB) to count
# their elements; a dispatch's page is well below or made mostly of scripts.
SCAN_FIRST_CHARS = 300_000
# More elements than this and trafilatura is skipped: 23,000 paragraphs took it 4 s, 46,000 14 s
# (a news page holds a few thousand elements).
TRAFILATURA_MAX_ELEMENTS = 20_000
# libxml2 builds no tree below this nesting depth (the page's <html> and <body> included).
LXML_MAX_DEPTH = 255


def extract_html(html: str, *, url: str | None = None) -> HtmlExtract:
    """Return the main text and metadata of an HTML page (empty text when there is none):
    trafilatura's reading, or the streaming fallback's for the pages it cannot read."""
    scan = scan_html(html) if len(html) > SCAN_FIRST_CHARS else None
    if scan is not None and scan.elements > TRAFILATURA_MAX_ELEMENTS:
        log.info("HTML page of %d elements read by the streaming fallback", scan.elements)
        return _from_scan(scan, url)
    page = _trafilatura(html, url)
    if page.text:
        return page
    scan = scan or scan_html(html)
    if scan.max_depth >= LXML_MAX_DEPTH:
        log.info("HTML page nested %d deep read by the streaming fallback", scan.max_depth)
        return _from_scan(scan, url)
    return page


def _from_scan(scan: HtmlScan, url: str | None) -> HtmlExtract:
    return HtmlExtract(
        text=scan.text,
        title=scan.title,
        published=_parse_iso_date(scan.published),
        outlet=scan.site_name,
        url=url,
    )


def _trafilatura(html: str, url: str | None) -> HtmlExtract:
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if result is None or isinstance(result, dict):  # a dict only with as_dict=True
        return HtmlExtract(text="", title=None, published=None, outlet=None, url=url)
    body = getattr(result, "body", None)
    if body is not None and len(body):
        text = "\n\n".join(_tree_paragraphs(body))
    else:
        # No tree (older trafilatura): its text has one block per line.
        text = "\n\n".join(line for line in (result.text or "").split("\n") if line.strip())
    return HtmlExtract(
        text=text,
        title=result.title or None,
        published=_parse_iso_date(result.date),
        outlet=result.sitename or None,
        url=result.url or url,
    )


def _tree_paragraphs(body: etree._Element) -> list[str]:
    """Return one string per block of trafilatura's output tree; <lb/> becomes a line break.

    Each child of <body> (p, head, quote…) is a paragraph; each item of a list is a paragraph of
    its own; a table is one paragraph with a line per row, cells joined by " | ".
    """
    paragraphs: list[str] = []
    for block in body:
        if block.tag == "list":
            paragraphs.extend(_element_text(item) for item in block.findall("item"))
        elif block.tag == "table":
            rows = (" | ".join(_element_text(c) for c in row.iter("cell")) for row in block.iter("row"))
            paragraphs.append("\n".join(rows))
        else:
            paragraphs.append(_element_text(block))
    return [p for p in paragraphs if p.strip()]


def _element_text(element: etree._Element) -> str:
    pieces: list[str] = []
    if element.text:
        pieces.append(element.text)
    for child in element:
        if child.tag == "lb":
            pieces.append("\n")
        else:
            pieces.append(_element_text(child))
        if child.tail:
            pieces.append(child.tail)
    return "".join(pieces).strip()


def _parse_iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").date()
    except ValueError:
        log.warning("ignoring unreadable page date %r", value)
        return None


def read_html_document(
    html: str,
    *,
    origin: str,
    published: date | None = None,
    url: str | None = None,
) -> Document | Skip:
    """Return the Document for an HTML page, or the Skip that says why it was not read.

    The page's own publication date (metadata) wins over `published`, the default reference date.
    """
    return build_html_document(html, origin=origin, default_published=published, url=url)


def build_html_document(
    html: str,
    *,
    origin: str,
    default_published: date | None = None,
    given_published: date | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    lang: str | None = None,
    external_id: str | None = None,
) -> Document | Skip:
    """Return the Document for an HTML page carried with its own fields (a JSONL record).

    Precedence for each field: given by the record > read from the page > default. So the
    publication date is `given_published`, else the page's date, else `default_published`.
    """
    page = extract_html(html, url=url)
    return build_document(
        page.text,
        origin=origin,
        published=given_published or page.published or default_published,
        title=title or page.title,
        url=url or page.url,
        outlet=outlet or page.outlet,
        lang=lang,
        external_id=external_id,
        empty_detail="no article text found in the HTML page",
    )
