"""Small builders for check tests: a claim and one piece of evidence from plain strings."""

from factcheck.attribution import attribute
from factcheck.model import Claim, Evidence
from factcheck.sources import parse_source


def claim(text):
    return Claim(id="t", text=text)


def evidence(text, score=0.9):
    source = parse_source(text, "src.txt")
    attribute(source.sentences, source.text)
    return [Evidence("src.txt", source.content, score)]
