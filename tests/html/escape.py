#!/usr/bin/env python3
"""No element of a page comes from the input.

usage: escape.py PAGE.html [TEXT ...]

Parses the page with Python's HTML parser and fails when it holds a tag or an attribute the
renderer does not write, an event-handler attribute, a link that is not to a place in the page,
more than one script or one style, or when a TEXT (input that looks like markup, as it stands in
the input) is not found in the page's text. Prints one line per problem and "ok PAGE" otherwise.
"""
import html.parser
import sys

TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "ul",
        "li", "label", "input", "span", "a", "div", "nav", "ol", "main", "section", "select",
        "option", "table", "thead", "tbody", "tr", "th", "td", "colgroup", "col", "del", "ins",
        "svg", "g", "line", "text", "circle", "rect", "path", "polyline", "title", "script"}
ATTRS = {"lang", "charset", "name", "content", "class", "id", "href", "tabindex", "title",
         "type", "data-tip", "data-v", "data-kind", "data-indicator", "data-year", "data-filter",
         "data-table", "data-type", "aria-label", "style", "xmlns", "width", "height", "viewbox",
         "role", "scope", "value", "points", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "d", "text-anchor"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.text, self.count = [], [], {}
        self.svg = 0

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.svg += 1
        if not self.svg:  # an SVG's <title> is its tooltip
            self.count[tag] = self.count.get(tag, 0) + 1
        if tag not in TAGS:
            self.problems.append(f"element <{tag}> is not one the renderer writes")
        for name, value in attrs:
            if name not in ATTRS or name.startswith("on"):
                self.problems.append(f"attribute {name}= on <{tag}> is not one the renderer writes")
            if name == "value" and (tag != "option" or value):
                self.problems.append(f"value= on <{tag}>")
            if name == "href" and not (value or "").startswith("#"):
                self.problems.append(f"link {value!r} leads out of the page")
            if name == "style" and tag != "col":
                self.problems.append(f"style= on <{tag}>")

    def handle_endtag(self, tag):
        if tag == "svg" and self.svg:
            self.svg -= 1

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.problems.append(f"a comment <!--{data[:40]}--> in the page")


def main():
    path, wanted = sys.argv[1], sys.argv[2:]
    p = Page()
    p.feed(open(path, encoding="utf-8").read())
    p.close()
    for tag in ("script", "style", "html", "body", "title"):
        if p.count.get(tag, 0) != 1:
            p.problems.append(f"{p.count.get(tag, 0)} <{tag}> elements, want 1")
    text = "".join(p.text)
    for w in wanted:
        if w not in text:
            p.problems.append(f"input {w!r} is not in the page's text")
    for m in p.problems[:20]:
        print(f"FAIL {path}: {m}")
    if not p.problems:
        print(f"ok   {path}")
    return 1 if p.problems else 0


if __name__ == "__main__":
    sys.exit(main())
