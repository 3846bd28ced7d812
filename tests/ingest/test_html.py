"""HTML pages: the article's text, title, date and URL; never a tag, a menu or a sidebar link."""

import datetime as dt

import pytest

from eventwatch import Article, DocumentError
from eventwatch.ingest import read_inputs

from .pages import PARAGRAPHS, article_page

pytestmark = pytest.mark.issue(15)


def test_a_page_gives_its_main_text_and_its_metadata(tmp_path) -> None:
    path = tmp_path / "mitrovica.html"
    path.write_text(article_page(), encoding="utf-8")
    [article] = list(read_inputs(path))
    assert isinstance(article, Article)
    assert article.id == "mitrovica" and article.origin == str(path)
    assert article.title == "Police arrest protesters after Mitrovica clashes"
    assert article.pub_date == dt.date(2023, 9, 29)
    assert article.url == "https://balkandaily.example/2023/09/29/mitrovica-clashes"
    assert article.source == "Balkan Daily" and article.language == "en"  # <html lang="en">
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text


def test_tags_navigation_sidebar_comments_and_footer_never_reach_the_text(tmp_path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(article_page(), encoding="utf-8")
    [article] = list(read_inputs(path))
    text = article.text
    assert "<" not in text and ">" not in text and "</p" not in text
    for boilerplate in (
        "Rebels bombed a bridge in Aleppo",  # a sidebar link that would become an event
        "Army shelled villages",
        "Most read",
        "Subscribe",
        "Politics",
        "newsletter",
        "Copyright",
        "Privacy policy",
        "dataLayer",
        "float: right",
        "Reader42",  # a reader's comment is not the report
        "Ana Petrovic",  # the byline
    ):
        assert boilerplate not in text, boilerplate


def test_a_page_declared_in_another_charset_is_decoded_in_it(tmp_path) -> None:
    paragraphs = ("Police arrested the owner of a café in Peć on Friday after clashes.",) * 3
    page = article_page(paragraphs=paragraphs, charset="windows-1252".upper())
    path = tmp_path / "cp1252.html"
    path.write_bytes(page.replace("ć", "c").encode("windows-1252"))
    [article] = list(read_inputs(path))
    assert "café in Pec" in article.text and article.warnings == ()


def test_a_bad_byte_in_a_page_is_a_warning(tmp_path) -> None:
    paragraphs = ("Police arrested the owner of a cafe in Pec on Friday after clashes.",) * 3
    data = article_page(paragraphs=paragraphs).encode("utf-8").replace(b"cafe", b"caf\xe9", 1)
    path = tmp_path / "bad-byte.html"
    path.write_bytes(data)
    [article] = list(read_inputs(path))
    assert isinstance(article, Article) and "caf\ufffd" in article.text
    assert [w.code for w in article.warnings] == ["document-utf8"]


def test_the_declared_language_is_kept(tmp_path) -> None:
    path = tmp_path / "fr.html"
    paragraphs = (
        "La police serbe a arrêté trois manifestants vendredi à Mitrovica après des heurts.",
        "Les soldats de la KFOR ont pris le contrôle du pont principal dans la soirée.",
    )
    path.write_text(article_page(paragraphs=paragraphs, lang="fr-FR"), encoding="utf-8")
    [article] = list(read_inputs(path))
    assert article.language == "fr"
    path.write_text(article_page(paragraphs=paragraphs, lang=None), encoding="utf-8")
    [undeclared] = list(read_inputs(path))
    assert undeclared.language is None  # the pipeline detects it


def test_a_page_without_a_date_has_none_and_is_still_read(tmp_path) -> None:
    path = tmp_path / "undated.html"
    path.write_text(article_page(date=None, canonical=None), encoding="utf-8")
    [article] = list(read_inputs(path))
    assert isinstance(article, Article) and article.pub_date is None and article.url is None
    [dated] = list(read_inputs(path, pub_date=dt.date(2023, 10, 2)))
    assert dated.pub_date == dt.date(2023, 10, 2)


@pytest.mark.parametrize(
    ("page", "code"),
    [
        (
            "<html><head><title>App</title></head><body><script>run()</script></body></html>",
            "document-empty",
        ),
        ("<html><body><img src='photo.jpg'></body></html>", "document-empty"),
        ("", "document-empty"),
    ],
)
def test_a_page_with_no_article_is_an_error(tmp_path, page, code) -> None:
    path = tmp_path / "empty.html"
    path.write_text(page, encoding="utf-8")
    [error] = list(read_inputs(path))
    assert isinstance(error, DocumentError) and error.code == code
    assert error.doc_id == "empty" and error.origin == str(path)


def test_a_page_is_recognised_without_its_suffix(tmp_path) -> None:
    path = tmp_path / "saved-page"
    path.write_text(article_page(), encoding="utf-8")
    [article] = list(read_inputs(path))
    assert article.title == "Police arrest protesters after Mitrovica clashes"
    assert "<" not in article.text
