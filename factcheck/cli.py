"""The command line: parse arguments, call the API, pick a format, set the exit code.

Exit codes: 0 nothing failing, 1 findings (or unmet `expect`), 2 usage or input error.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module

import click
from rich.console import Console

from . import FactcheckError, check_claims, load_sources
from .claims import ClaimSet, load_claims, parse_draft, single_claim
from .files import decode, write_atomic
from .formats import FORMATS, CheckReport
from .model import Claim, Severity


def _console(stream=None) -> Console:
    return Console(
        file=stream or sys.stdout,
        no_color="NO_COLOR" in os.environ or None,
        highlight=False,
        soft_wrap=False,
    )


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
            sets.append(ClaimSet("<stdin>", claims[0].sources, claims))
        else:
            sets.append(load_claims(path, encoding))
    return sets


def _run(
    claims: list[Claim],
    source_paths: list[str],
    format_name: str,
    output: str | None,
    encoding: str,
    brute_force: bool = False,
) -> None:
    _guard_output(output, source_paths + [c.path for c in claims if c.path])
    sources = load_sources(source_paths, encoding)
    render = _renderer(format_name, "render_check")
    results = check_claims(claims, sources, brute_force=brute_force)
    report = CheckReport(results, sources, Severity.ERROR)
    _emit(format_name, render(report), output)
    sys.exit(1 if report.failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@source_option
@format_option
@output_option
@encoding_option
@click.option("--brute-force", is_flag=True, help="Score every sentence (the reference path).")
def check(paths, source_paths, format_name, output, encoding, brute_force) -> None:
    """Check claim sets (.yaml) and drafts (Markdown or text; - for stdin)."""
    try:
        sets = _read_claims(paths, encoding)
        claims = [claim for claim_set in sets for claim in claim_set.claims]
        sources = [s for claim_set in sets for s in claim_set.sources] + list(source_paths)
        _run(claims, sources, format_name, output, encoding, brute_force)
    except FactcheckError as err:
        _fail(str(err))


@main.command()
@click.argument("claim")
@source_option
@format_option
@output_option
@encoding_option
def verify(claim, source_paths, format_name, output, encoding) -> None:
    """Verify one CLAIM against the given sources."""
    try:
        if not source_paths:
            raise FactcheckError("verify needs at least one --source")
        _run([single_claim(claim)], list(source_paths), format_name, output, encoding)
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
