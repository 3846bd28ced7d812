"""Pages and feeds as news sites publish them, written for the tests (no real site's markup)."""

from __future__ import annotations

from html import escape

NAV = """
<header class="site-header">
  <a class="logo" href="/">Balkan Daily</a>
  <nav class="main-nav"><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
    <li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>
    <li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe</a></li>
  </ul></nav>
</header>"""

SIDEBAR = """
<aside class="sidebar">
  <h3>Most read</h3>
  <ul>
    <li><a href="/2023/09/aleppo">Rebels bombed a bridge in Aleppo</a></li>
    <li><a href="/2023/09/border">Army shelled villages near the border</a></li>
    <li><a href="/2023/09/talks">Ministers met in Brussels for talks</a></li>
  </ul>
  <div class="newsletter"><p>Sign up for our newsletter</p><form><input name="email"></form></div>
</aside>"""

FOOTER = """
<footer><p>Copyright 2023 Balkan Daily. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/contact">Contact us</a></li></ul>
</footer>"""

PARAGRAPHS = (
    "Serbian police arrested three protesters in northern Mitrovica on Friday after a night "
    "of clashes with government soldiers.",
    "Witnesses said the soldiers fired tear gas at a crowd of about 200 people who had "
    "gathered near the main bridge over the Ibar river.",
    "NATO peacekeepers later took control of the bridge and urged both sides to show "
    "restraint, a spokesman for the mission said in a statement.",
    "The mayor of the town called for calm and said schools would stay closed on Monday.",
)


def article_page(
    *,
    title: str = "Police arrest protesters after Mitrovica clashes",
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    date: str | None = "2023-09-29T08:15:00+02:00",
    canonical: str | None = "https://balkandaily.example/2023/09/29/mitrovica-clashes",
    lang: str | None = "en",
    charset: str = "utf-8",
    site_name: str = "Balkan Daily",
) -> str:
    """A whole news page: head metadata, navigation, the article, a sidebar, comments, a footer."""
    meta = [f'<meta charset="{charset}">', f"<title>{escape(title)} | {site_name}</title>"]
    meta.append(f'<meta property="og:site_name" content="{site_name}">')
    meta.append(f'<meta property="og:title" content="{escape(title)}">')
    if date:
        meta.append(f'<meta property="article:published_time" content="{date}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{canonical}">')
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html{f' lang="{lang}"' if lang else ""}>
<head>
{chr(10).join(meta)}
<script>window.dataLayer = [{{"page": "article"}}];</script>
<style>.sidebar {{ float: right; }}</style>
</head>
<body>
{NAV}
<main>
<article>
<h1>{escape(title)}</h1>
<p class="byline">By <a href="/authors/ana">Ana Petrovic</a></p>
{body}
</article>
<section class="comments"><h2>Comments</h2>
<div class="comment"><p>Reader42: this is outrageous, the army attacked us all</p></div>
</section>
</main>
{SIDEBAR}
{FOOTER}
</body>
</html>
"""


def rss_feed(items: list[dict[str, str]], *, title: str = "Balkan Daily: World") -> str:
    """An RSS 2.0 feed; each item may give title, link, guid, pubDate, description, content."""
    parts = []
    for item in items:
        fields = []
        for key in ("title", "link", "guid", "pubDate"):
            if key in item:
                fields.append(f"<{key}>{escape(item[key])}</{key}>")
        if "description" in item:
            fields.append(f"<description>{escape(item['description'])}</description>")
        if "content" in item:
            fields.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>{escape(title)}</title>
<link>https://balkandaily.example/world</link>
<description>World news</description>
{chr(10).join(parts)}
</channel>
</rss>
"""


def atom_feed(entries: list[dict[str, str]], *, title: str = "Danube Wire") -> str:
    """An Atom 1.0 feed; each entry gives id, title, link, updated and summary."""
    parts = []
    for entry in entries:
        link = f'<link rel="alternate" href="{escape(entry["link"])}"/>' if "link" in entry else ""
        parts.append(
            f"<entry><id>{escape(entry['id'])}</id><title>{escape(entry['title'])}</title>{link}"
            f"<updated>{entry.get('updated', '2023-09-29T10:00:00Z')}</updated>"
            f'<summary type="html">{escape(entry.get("summary", ""))}</summary></entry>'
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>{escape(title)}</title>
<id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
<updated>2023-09-29T10:00:00Z</updated>
{chr(10).join(parts)}
</feed>
"""
