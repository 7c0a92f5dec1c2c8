"""HTML → plain paragraphs in one streaming pass: the fallback when trafilatura cannot read a page.

trafilatura works on an lxml tree, which has two limits a scraped page can hit:
- libxml2 stops building the tree below 255 nested elements, so a page wrapped in hundreds of
  `<div>`s comes out empty (trafilatura then finds "no article text");
- its cost grows faster than the number of elements (a 1 MB page of 23,000 paragraphs took 4 s,
  a 2 MB one 14 s), so a page of tens of thousands of elements would take minutes.
`scan_html` reads any page with the standard library's tokenizer (no tree, no depth limit, time
linear in its size): the text of its blocks, one paragraph each, without scripts, styles, forms,
navigation and the like, plus the title, the page's own publication date (meta tags) and the
figures the caller needs to decide (elements, deepest nesting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements that end a paragraph (their start and their end).
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
# Elements whose content is never article text (code, styling, embedded objects, page chrome).
_HIDDEN = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "select",
        "textarea",
        "button",
        "nav",
        "form",
        "head",
    ]
)
# Elements without an end tag: they do not nest.
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
# Meta tags (property or name) that carry a page's publication date.
_DATE_META = frozenset({"article:published_time", "datepublished", "date", "dc.date", "pubdate", "publishdate"})
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class HtmlScan:
    """What one streaming pass over a page found."""

    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    published: str | None = None  # ISO date text from a meta tag, if any
    site_name: str | None = None
    elements: int = 0  # start tags seen
    max_depth: int = 0  # deepest nesting of elements with an end tag

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = HtmlScan()
        self._depth = 0
        self._hidden = 0
        self._in_title = False
        self._title: list[str] = []
        self._current: list[str] = []

    def _flush(self) -> None:
        lines = (_SPACES.sub(" ", line).strip() for line in "".join(self._current).split("\n"))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            self.scan.paragraphs.append(paragraph)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scan.elements += 1
        if tag == "meta":
            self._meta(dict(attrs))
        if tag not in _VOID:
            self._depth += 1
            self.scan.max_depth = max(self.scan.max_depth, self._depth)
        if tag == "body":
            self._hidden = 0  # a page that never closed its <head>
        if tag == "title":
            self._in_title = True
        elif tag in _HIDDEN:
            self._hidden += tag not in _VOID
        elif tag == "br" and not self._hidden:
            self._current.append("\n")
        elif tag in _BLOCKS and not self._hidden:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scan.elements += 1
        if tag == "meta":
            self._meta(dict(attrs))
        elif tag == "br" and not self._hidden:
            self._current.append("\n")
        elif tag in _BLOCKS and not self._hidden:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self._depth = max(0, self._depth - 1)
        if tag == "title":
            self._in_title = False
        elif tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS and not self._hidden:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._hidden:
            self._current.append(data)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = (attrs.get("content") or "").strip()
        if key in _DATE_META and self.scan.published is None and _ISO_DATE.match(content):
            self.scan.published = content[:10]
        elif key == "og:site_name" and content and self.scan.site_name is None:
            self.scan.site_name = content

    def finish(self) -> HtmlScan:
        self.close()
        self._flush()
        title = _SPACES.sub(" ", "".join(self._title)).strip()
        self.scan.title = title or None
        return self.scan


def scan_html(html: str) -> HtmlScan:
    """Return the paragraphs, title, date and shape of an HTML page, read in one pass."""
    scanner = _Scanner()
    scanner.feed(html)
    return scanner.finish()
