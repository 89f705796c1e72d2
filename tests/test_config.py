import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.config import Settings, find_config, load_settings, parse_settings
from factcheck.errors import FactcheckError
from factcheck.inputs import glob_matches
from factcheck.model import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_upward_in_pyproject(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.factcheck]\nfail-on = "warning"\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    settings = load_settings(start=nested)
    assert settings.fail_on is Severity.WARNING
    assert settings.path == str(tmp_path / "pyproject.toml")


def test_factcheck_toml_wins_in_the_same_directory(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.factcheck]\nfail-on = "warning"\n')
    write(tmp_path / "factcheck.toml", 'fail-on = "info"\n')
    assert load_settings(start=tmp_path).fail_on is Severity.INFO


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(tmp_path) is None


def test_pyproject_is_parsed_only_where_it_names_factcheck(tmp_path):
    """Not parsed when it never writes the name (it cannot hold the table): another
    tool's broken TOML is not factcheck's error; broken with the table, it is."""
    write(tmp_path / "pyproject.toml", "[tool.other]\nkey = \n")
    assert find_config(tmp_path) is None
    write(tmp_path / "pyproject.toml", "[tool.factcheck]\nfail-on = \n")
    with pytest.raises(FactcheckError, match="malformed TOML"):
        find_config(tmp_path)


def test_explicit_config_overrides(tmp_path):
    write(tmp_path / "factcheck.toml", 'fail-on = "info"\n')
    other = write(tmp_path / "ci" / "strict.toml", 'fail-on = "warning"\n')
    assert load_settings(str(other), start=tmp_path).fail_on is Severity.WARNING


def test_drafts_map_to_sources_by_glob(tmp_path):
    write(tmp_path / "docs" / "a.md", "x")
    write(tmp_path / "sources" / "one.txt", "x")
    write(tmp_path / "sources" / "two.txt", "x")
    config = write(
        tmp_path / "factcheck.toml",
        '[[drafts]]\npaths = ["docs/*.md"]\nsources = ["sources/*.txt"]\n',
    )
    settings = load_settings(str(config))
    assert settings.draft_paths() == [str((tmp_path / "docs" / "a.md").resolve())]
    assert [Path(p).name for p in settings.sources_for(str(tmp_path / "docs" / "a.md"))] == [
        "one.txt",
        "two.txt",
    ]
    assert settings.sources_for(str(tmp_path / "elsewhere.md")) == []


def test_severity_overrides_and_off(tmp_path):
    settings = parse_settings(
        {"severity": {"hedge-dropped": "error", "attribution-dropped-named": "off"}},
        tmp_path / "factcheck.toml",
    )
    assert settings.severity == {"hedge-dropped": Severity.ERROR, "attribution-dropped-named": None}


@pytest.mark.parametrize(
    "table, message",
    [
        ({"fail_on": "error"}, "unknown key 'fail_on'"),
        ({"fail-on": "fatal"}, "fail-on: expected one of"),
        ({"threshold": 2}, "threshold must be a number from 0 to 1"),
        ({"severity": {"no-such-code": "error"}}, "unknown finding code 'no-such-code'"),
        ({"drafts": [{"paths": ["a"], "source": ["b"]}]}, "unknown key 'source'"),
        ({"drafts": [{"paths": ["a"]}]}, "needs both paths and sources"),
    ],
)
def test_invalid_settings_name_the_key_and_file(tmp_path, table, message):
    with pytest.raises(FactcheckError, match=message) as caught:
        parse_settings(table, tmp_path / "factcheck.toml")
    assert "factcheck.toml" in str(caught.value)


def test_malformed_toml(tmp_path):
    write(tmp_path / "factcheck.toml", "fail-on = \n")
    with pytest.raises(FactcheckError, match="malformed TOML"):
        load_settings(start=tmp_path)


def test_defaults_without_configuration(tmp_path):
    assert load_settings(start=tmp_path) == Settings()


def test_per_file_severities_apply_in_order_and_the_command_line_wins(tmp_path):
    settings = parse_settings(
        {
            "severity": {"hedge-dropped": "error"},
            "per-file": [
                {"paths": ["docs/opinion/**"], "severity": {"hedge-dropped": "off"}},
                {"paths": ["docs/opinion/*.md"], "severity": {"number-mismatch": "warning"}},
            ],
        },
        tmp_path / "factcheck.toml",
    )
    opinion = settings.for_file(str(tmp_path / "docs" / "opinion" / "column.md")).severity
    assert opinion == {"hedge-dropped": None, "number-mismatch": Severity.WARNING}
    news = settings.for_file(str(tmp_path / "docs" / "news" / "a.md")).severity
    assert news == {"hedge-dropped": Severity.ERROR}
    ignored = settings.with_selection([], ["number-mismatch"])
    assert (
        ignored.for_file(str(tmp_path / "docs/opinion/column.md")).severity["number-mismatch"]
        is None
    )


def test_select_switches_every_other_code_off(tmp_path):
    chosen = Settings().with_selection(["quote-altered"], []).for_file(None).severity
    assert chosen["number-mismatch"] is None and "quote-altered" not in chosen


def test_exclude_and_drafts_match_paths_that_do_not_exist_yet(tmp_path):
    settings = parse_settings(
        {
            "exclude": ["docs/archive/**"],
            "drafts": [{"paths": ["docs/**/*.md"], "sources": ["sources/*.txt"]}],
        },
        tmp_path / "factcheck.toml",
    )
    assert settings.is_excluded(str(tmp_path / "docs" / "archive" / "2019" / "old.md"))
    assert not settings.is_excluded(str(tmp_path / "docs" / "2024" / "new.md"))
    write(tmp_path / "sources" / "a.txt", "A source sentence here.\n")
    assert settings.sources_for(str(tmp_path / "docs" / "new.md")) == [
        str(tmp_path / "sources" / "a.txt")
    ]
    assert settings.sources_for(str(tmp_path / "notes.md")) == []


@pytest.mark.parametrize(
    "table, message",
    [
        ({"per-file": [{"paths": ["a"]}]}, "per-file\\[0\\]: expected a table with paths"),
        (
            {"per-file": [{"paths": ["a"], "severity": {"hedge-droped": "off"}}]},
            "did you mean 'hedge-dropped'",
        ),
        ({"exclude": [1]}, "exclude: expected a list of glob patterns"),
    ],
)
def test_invalid_per_file_and_exclude(tmp_path, table, message):
    with pytest.raises(FactcheckError, match=message):
        parse_settings(table, tmp_path / "factcheck.toml")


def _old_glob_regex(pattern: str) -> re.Pattern[str]:
    """config._pattern as it was before glob_matches: a backtracking regex."""
    parts, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            parts.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            parts.append(".*")
            i += 2
        elif pattern[i] == "*":
            parts.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            parts.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 1 :]:
            end = pattern.index("]", i + 1)
            parts.append("[" + pattern[i + 1 : end].replace("!", "^", 1) + "]")
            i = end + 1
        else:
            parts.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(parts) + r"\Z")


SEGMENTS = st.sampled_from(["**", "*", "a", "b", "ab", "a*", "*b", "?", "a?b", "[ab]", "[!a]"])
NAMES = st.sampled_from(["a", "b", "ab", "ba", "abb", "c", "aab"])


@settings(max_examples=500, deadline=None)
@given(st.lists(SEGMENTS, min_size=1, max_size=5), st.lists(NAMES, min_size=1, max_size=6))
def test_glob_matching_agrees_with_the_regex_it_replaced(segments, names):
    """Same answers as the old regex wherever both define one (the old `dir/**` did not
    match `dir` itself; a path is a file, never its own directory)."""
    pattern, path = "/r/" + "/".join(segments), "/r/" + "/".join(names)
    if segments[-1] == "**" and glob_matches("/r/" + "/".join(segments[:-1]), path):
        return
    assert glob_matches(pattern, path) == bool(_old_glob_regex(pattern).match(path))


def test_hostile_globs_in_a_configuration_match_without_backtracking():
    """`**/` eight times made one match take 17 s (each more about 7x); a pull request can
    write the configuration. Checked by outcome on inputs the old regex never finished."""
    deep = "/r/" + "a/" * 40 + "y"
    assert not glob_matches("/r/" + "**/" * 30 + "x", deep)
    assert glob_matches("/r/" + "**/" * 30 + "y", deep)
    assert not glob_matches("/r/" + "*a" * 40 + "x", "/r/" + "a" * 200 + "y")
    assert glob_matches("/r/" + "*a" * 40, "/r/" + "a" * 200)
