"""The command line: parse arguments, call the API, pick a format, set the exit code.

Exit codes: 0 nothing failing, 1 findings (or unmet `expect`), 2 usage or input error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import import_module

import click
from rich.console import Console

from . import FactcheckError, check_claims, load_sources
from .claims import ClaimSet, load_claims, parse_draft, single_claim
from .config import load_settings
from .files import decode, write_atomic
from .formats import FORMATS, CheckReport
from .model import Result, Severity, Source

PROGRESS_MIN_CLAIMS = 20  # fewer claims finish before a bar is worth drawing


def _console() -> Console:
    return Console(no_color="NO_COLOR" in os.environ or None, highlight=False, soft_wrap=False)


def _fail(message: str) -> None:
    click.echo(f"factcheck: error: {message}", err=True)
    sys.exit(2)


def _guard_output(output: str | None, inputs: list[str]) -> None:
    """Refuse to write a report over one of the run's own inputs."""
    if output is None:
        return
    target = os.path.realpath(output)
    for path in inputs:
        if path != "-" and os.path.realpath(path) == target:
            raise FactcheckError(f"{output}: refusing to overwrite an input file with the report")


def _emit(format_name: str, rendered, output: str | None) -> None:
    """Print a rendered report, or write it atomically to `output`."""
    if format_name == "terminal":
        if output:
            console = Console(record=True, width=120, file=open(os.devnull, "w"))  # noqa: SIM115
            console.print(rendered)
            write_atomic(output, console.export_text())
        else:
            _console().print(rendered)
        return
    if output:
        write_atomic(output, rendered)
    else:
        click.echo(rendered, nl=False)


def _renderer(format_name: str, what: str):
    module = import_module(f"factcheck.formats.{format_name}")
    render = getattr(module, what, None)
    if render is None:
        raise FactcheckError(f"format {format_name!r} cannot render {what.removeprefix('render_')}")
    return render


format_option = click.option(
    "--format",
    "format_name",
    type=click.Choice(FORMATS),
    default="terminal",
    show_default=True,
    help="Output format.",
)
output_option = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the report to this file (atomically) instead of standard output.",
)
encoding_option = click.option(
    "--encoding",
    default="utf-8",
    show_default=True,
    help="Encoding of input files.",
)
source_option = click.option(
    "--source",
    "-s",
    "source_paths",
    multiple=True,
    type=str,
    help="A source file to check against (repeatable).",
)
config_option = click.option(
    "--config",
    "config_path",
    default=None,
    help="Configuration file (default: nearest factcheck.toml or pyproject.toml upward).",
)
fail_on_option = click.option(
    "--fail-on",
    type=click.Choice(["info", "warning", "error"]),
    default=None,
    help="Lowest finding severity that fails the run (default: configuration, else error).",
)


class OneLineErrors(click.Group):
    """Usage errors as one line on stderr and exit code 2, like input errors."""

    def main(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.UsageError as err:
            hint = f" (see: {err.ctx.command_path} --help)" if err.ctx else ""
            _fail(f"{err.format_message()}{hint}")
        except click.exceptions.Abort:
            click.echo("factcheck: interrupted", err=True)
            sys.exit(130)
        except click.ClickException as err:
            _fail(err.format_message())
        sys.exit(result if isinstance(result, int) else 0)


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck")
def main() -> None:
    """Check claims and drafts against their sources."""


def _read_claims(paths: tuple[str, ...], encoding: str) -> list[ClaimSet]:
    sets = []
    for path in paths:
        if path == "-":
            text = decode(sys.stdin.buffer.read(), "<stdin>", encoding)
            claims = parse_draft(text, "<stdin>")
            sets.append(ClaimSet("<stdin>", claims[0].sources, claims, text))
        else:
            sets.append(load_claims(path, encoding))
    return sets


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on an interactive terminal for long runs; nothing in CI or a pipe."""
    interactive = sys.stderr.isatty() and not os.environ.get("CI")
    if not interactive or total < PROGRESS_MIN_CLAIMS:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("checking claims", total=total)
        yield lambda done: bar.advance(task, done)


class _SourceCache:
    """Each source file is read, segmented and attributed once per run."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self.loaded: dict[str, Source] = {}

    def get(self, paths: list[str]) -> list[Source]:
        missing = [p for p in dict.fromkeys(paths) if os.path.realpath(p) not in self.loaded]
        for path, source in zip(missing, load_sources(missing, self.encoding), strict=True):
            self.loaded[os.path.realpath(path)] = source
        return [self.loaded[p] for p in dict.fromkeys(os.path.realpath(p) for p in paths)]


def _report(
    results: list[Result],
    sources: list[Source],
    fail_on: Severity,
    format_name: str,
    output: str | None,
    texts: dict[str, str] | None = None,
) -> None:
    report = CheckReport(results, sources, fail_on, texts or {})
    _emit(format_name, _renderer(format_name, "render_check")(report), output)
    sys.exit(1 if report.failed else 0)


@main.command()
@click.argument("paths", nargs=-1)
@source_option
@format_option
@output_option
@encoding_option
@config_option
@fail_on_option
@click.option("--brute-force", is_flag=True, help="Score every sentence (the reference path).")
def check(
    paths, source_paths, format_name, output, encoding, config_path, fail_on, brute_force
) -> None:
    """Check claim sets (.yaml) and drafts (Markdown or text; - for stdin).

    With no PATHS, checks the drafts named by the configuration's [[drafts]] tables."""
    try:
        settings = load_settings(config_path)
        paths = paths or tuple(settings.draft_paths())
        if not paths:
            raise FactcheckError(
                "nothing to check: give drafts or claim sets, or configure [[drafts]]"
            )
        sets = _read_claims(paths, encoding)
        _guard_output(output, [*paths, *source_paths, *(s for c in sets for s in c.sources)])
        cache = _SourceCache(encoding)
        results: list[Result] = []
        with _progress(sum(len(claim_set.claims) for claim_set in sets)) as advance:
            for claim_set in sets:
                wanted = [*claim_set.sources, *settings.sources_for(claim_set.path), *source_paths]
                if not wanted:
                    raise FactcheckError(
                        f"{claim_set.path}: no sources: name them in the claim set, the front "
                        "matter, the configuration or with --source"
                    )
                results += check_claims(
                    claim_set.claims, cache.get(wanted), advance, brute_force, settings
                )
        severity = Severity(fail_on) if fail_on else settings.fail_on
        texts = {claim_set.path: claim_set.text for claim_set in sets}
        _report(results, list(cache.loaded.values()), severity, format_name, output, texts)
    except FactcheckError as err:
        _fail(str(err))


@main.command()
@click.argument("claim")
@source_option
@format_option
@output_option
@encoding_option
@config_option
@fail_on_option
def verify(claim, source_paths, format_name, output, encoding, config_path, fail_on) -> None:
    """Verify one CLAIM against the given sources."""
    try:
        if not source_paths:
            raise FactcheckError("verify needs at least one --source")
        settings = load_settings(config_path)
        _guard_output(output, list(source_paths))
        sources = load_sources(source_paths, encoding)
        results = check_claims([single_claim(claim)], sources, settings=settings)
        severity = Severity(fail_on) if fail_on else settings.fail_on
        _report(results, sources, severity, format_name, output)
    except FactcheckError as err:
        _fail(str(err))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@format_option
@output_option
@encoding_option
def sources(paths, format_name, output, encoding) -> None:
    """Show each sentence of the SOURCES with its line and who said it."""
    try:
        _guard_output(output, list(paths))
        loaded = load_sources(paths, encoding)
        _emit(format_name, _renderer(format_name, "render_sources")(loaded), output)
    except FactcheckError as err:
        _fail(str(err))
