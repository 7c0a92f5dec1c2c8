from __future__ import annotations

from datetime import date

from eventwire.ingest import extract_html, read_html_document, read_inputs
from eventwire.models import Document, Skip

from .conftest import EN_PARAGRAPH, FR_PARAGRAPH, FR_SECOND


def page(body: str, *, head: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'>"
        f"<title>Drones abattus en Irak | Le Journal</title>{head}</head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav>"
        f"<article>{body}</article>"
        "<footer>© 2023 Le Journal du Soir — tous droits réservés</footer></body></html>"
    )


ARTICLE = (
    "<h1>Des drones abattus en Irak</h1>"
    f"<p>{FR_PARAGRAPH}</p>"
    f"<p>{FR_SECOND}<br>Une deuxième ligne dans le même paragraphe, signée de l’agence.</p>"
)
META = (
    "<meta property='og:site_name' content='Le Journal du Soir'>"
    "<meta property='og:title' content='Des drones abattus en Irak'>"
    "<meta property='article:published_time' content='2023-10-18T09:30:00Z'>"
)


def test_read_html_document_takes_title_date_and_outlet():
    document = read_html_document(page(ARTICLE, head=META), origin="a.html")
    assert isinstance(document, Document)
    assert document.title == "Des drones abattus en Irak"
    assert document.published == date(2023, 10, 18)
    assert document.outlet == "Le Journal du Soir"
    assert document.lang == "fr"
    assert FR_PARAGRAPH in document.text
    assert "Accueil" not in document.text and "droits réservés" not in document.text


def test_read_html_document_separates_paragraphs_by_blank_line():
    document = read_html_document(page(ARTICLE, head=META), origin="a.html")
    assert isinstance(document, Document)
    paragraphs = document.text.split("\n\n")
    assert paragraphs[0] == "Des drones abattus en Irak"
    assert paragraphs[1] == FR_PARAGRAPH
    # <br> stays a line break inside its paragraph
    assert paragraphs[2].startswith(f"{FR_SECOND}\nUne deuxième ligne")


def test_read_html_document_page_date_wins_over_default():
    document = read_html_document(page(ARTICLE, head=META), origin="a", published=date(2024, 1, 1))
    assert isinstance(document, Document)
    assert document.published == date(2023, 10, 18)


def test_read_html_document_default_date_when_page_has_none():
    document = read_html_document(page(ARTICLE), origin="a", published=date(2024, 1, 1))
    assert isinstance(document, Document)
    assert document.published == date(2024, 1, 1)


def test_read_html_document_does_not_take_date_from_body_text():
    body = f"<p>{FR_PARAGRAPH} Le 12 mars 2021, une attaque similaire avait eu lieu.</p>"
    document = read_html_document(page(body), origin="a")
    assert isinstance(document, Document)
    assert document.published is None


def test_read_html_document_without_article_text_is_empty():
    skip = read_html_document("<html><head><title>x</title></head><body></body></html>", origin="e.html")
    assert isinstance(skip, Skip)
    assert skip.reason == "empty"
    assert "HTML" in skip.detail


def test_extract_html_lists_become_paragraphs():
    body = f"<p>{EN_PARAGRAPH}</p><ul><li>First point of the list.</li><li>Second point.</li></ul>"
    extract = extract_html(page(body))
    assert extract.text.split("\n\n")[-2:] == ["First point of the list.", "Second point."]


def test_read_inputs_html_by_extension_and_by_content(tmp_path):
    by_suffix = tmp_path / "page.htm"
    by_suffix.write_text(page(ARTICLE, head=META), encoding="utf-8")
    sniffed = tmp_path / "saved.txt"
    sniffed.write_text(page(ARTICLE, head=META), encoding="utf-8")
    first, second = read_inputs([by_suffix, sniffed])
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.title == second.title == "Des drones abattus en Irak"
    assert first.id == second.id
    assert "<p>" not in second.text


def test_read_html_document_accepts_xml_declaration_with_encoding():
    xhtml = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>Drones</title></head><body><article><p>{FR_PARAGRAPH}</p></article></body></html>"
    )
    document = read_html_document(xhtml, origin="a.xhtml")
    assert isinstance(document, Document)
    assert document.text == FR_PARAGRAPH


# -- pages trafilatura cannot read (issue 18, D3) ----------------------------------------------


def _nested(depth: int) -> str:
    return (
        "<html><head><title>Nested</title></head><body>"
        + "<div>" * depth
        + f"<p>{EN_PARAGRAPH}</p>"
        + "</div>" * depth
        + "</body></html>"
    )


def test_deeply_nested_page_is_read_by_the_streaming_fallback():
    # libxml2 builds no tree below 255 levels: trafilatura alone found "no article text"
    for depth in (300, 3000):
        document = read_html_document(_nested(depth), origin="deep.html")
        assert isinstance(document, Document), depth
        assert document.text == EN_PARAGRAPH
        assert document.title == "Nested"


def test_page_of_too_many_elements_skips_trafilatura(monkeypatch):
    import eventwire.ingest.html as html_module

    def refuse(*args, **kwargs):
        raise AssertionError("trafilatura must not read this page")

    monkeypatch.setattr(html_module, "SCAN_FIRST_CHARS", 100)
    monkeypatch.setattr(html_module, "TRAFILATURA_MAX_ELEMENTS", 50)
    monkeypatch.setattr(html_module.trafilatura, "bare_extraction", refuse)
    body = f"<p>{EN_PARAGRAPH}</p>" + "".join(f"<p>Line {i} of the list.</p>" for i in range(60))
    extract = extract_html(page(body, head=META))
    assert extract.text.startswith(EN_PARAGRAPH)
    assert "Accueil" not in extract.text  # navigation is not article text
    assert extract.published == date(2023, 10, 18)
    assert extract.outlet == "Le Journal du Soir"


def test_scan_html_reads_blocks_and_leaves_out_scripts_and_forms():
    from eventwire.ingest.html_text import scan_html

    scan = scan_html(
        "<html><head><title>A &amp; B</title><style>p{}</style></head><body>"
        "<p>First <b>para</b>graph.<br>Its second line.</p><script>var x = '<p>no</p>';</script>"
        "<form><p>Search</p></form><div>Second paragraph.</div><p>Unclosed"
    )
    assert scan.paragraphs == ["First paragraph.\nIts second line.", "Second paragraph.", "Unclosed"]
    assert scan.title == "A & B"
    assert scan.max_depth == 4  # html > body > p > b
