"""Small builders for check tests: a claim and one piece of evidence from plain strings."""

from factcheck.attribution import attribute
from factcheck.model import Claim, Evidence
from factcheck.sources import parse_source
from factcheck.verify import build_case


def claim(text):
    return Claim(id="t", text=text)


def evidence(text, score=0.9):
    source = parse_source(text, "src.txt")
    attribute(source.sentences, source.text)
    return [Evidence("src.txt", source.content, score)]


def checker(check):
    """`check` called as the verdict stage calls it, on the case built from a claim and its
    evidence."""
    return lambda claim, evidence: check(build_case(claim, evidence))
