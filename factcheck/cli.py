"""The command line: parse arguments, call the API, pick a format, set the exit code.

Exit codes: 0 nothing failing, 1 findings (or unmet `expect`), 2 usage or input error.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path

import click
from rich.console import Console

from . import FactcheckError, check_claims, load_sources
from .cache import Cache, default_directory
from .claims import ClaimSet, load_claims, parse_draft, single_claim
from .config import Settings, load_settings
from .files import ReadPolicy, decode, find_roots, inside, write_atomic
from .formats import FORMATS, CheckReport
from .model import Result, Severity, Source
from .retrieve import Index
from .sanitize import shown, visible

PROGRESS_MIN_CLAIMS = 20  # fewer claims finish before a bar is worth drawing


def _console() -> Console:
    return Console(no_color="NO_COLOR" in os.environ or None, highlight=False, soft_wrap=False)


def _fail(message: str) -> None:
    """One line on stderr, whatever the message holds (a path with a newline and `::error`
    cannot start a workflow command of its own), and exit 2."""
    click.echo(f"factcheck: error: {visible(message)}", err=True)
    sys.exit(2)


def _guard_output(output: str | None, inputs: list[str]) -> None:
    """Refuse to write a report over one of the run's own inputs: every file the run
    resolved (drafts, claim sets, sources, the configuration), compared as files, so no
    spelling of the path, link or symlink gets around it."""
    if output is None:
        return
    for path in inputs:
        if path == "-":
            continue
        try:
            same = os.path.samefile(output, path)
        except OSError:  # one of them does not exist: nothing to overwrite
            same = os.path.realpath(output) == os.path.realpath(path)
        if same:
            raise FactcheckError(
                f"{shown(output)}: refusing to overwrite an input file with the report"
            )


def _read_policy(
    settings: Settings, named: list[str], allow_outside_root: bool, config_path: str | None = None
) -> ReadPolicy:
    """Reads confined to the git checkout (and a --config file's directory; see files.py),
    the paths typed on the command line read where they are."""
    roots = find_roots(settings.path, config_path is not None, Path.cwd())
    return ReadPolicy(
        None if allow_outside_root else roots,
        settings.max_file_bytes,
        frozenset(os.path.abspath(p) for p in named if p != "-"),
    )


def _open_cache(directory: str | None, write: bool, policy: ReadPolicy) -> Cache:
    """The cache, refused when it lies inside the tree reads are confined to: there a pull
    request could commit entries that change verdicts."""
    path = Path(directory or default_directory())
    for root in policy.roots or ():
        if inside(os.path.realpath(path), os.path.realpath(root)):
            raise FactcheckError(
                f"{shown(str(path))}: cache directory lies inside {shown(str(root))}, where "
                "the checked files come from; use another --cache-dir, --no-cache, or "
                "--allow-outside-root for local use"
            )
    return Cache(path, write=write)


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
cache_dir_option = click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Cache directory (default: $FACTCHECK_CACHE_DIR, else ~/.cache/factcheck).",
)
allow_outside_option = click.option(
    "--allow-outside-root",
    is_flag=True,
    help="Read files anywhere (local use). By default reads stay inside the configuration's "
    "directory or the git checkout, never in .git/, regular files only.",
)
fail_on_option = click.option(
    "--fail-on",
    type=click.Choice(["info", "warning", "error"]),
    default=None,
    help="Lowest finding severity that fails the run (default: configuration, else error).",
)


class OneLineErrors(click.Group):
    """Usage errors as one line on stderr and exit code 2, like input errors; so is any
    unexpected exception (exit 1 means findings, so a crash must never end in 1), with the
    traceback only under --debug."""

    def main(self, args=None, *rest, **kwargs):
        kwargs["standalone_mode"] = False
        arguments = list(sys.argv[1:] if args is None else args)
        try:
            result = super().main(arguments, *rest, **kwargs)
        except click.UsageError as err:
            hint = f" (see: {err.ctx.command_path} --help)" if err.ctx else ""
            _fail(f"{err.format_message()}{hint}")
        except click.exceptions.Abort:
            click.echo("factcheck: interrupted", err=True)
            sys.exit(130)
        except click.ClickException as err:
            _fail(err.format_message())
        except FactcheckError as err:
            _fail(str(err))
        except Exception as err:  # a bug or an input no check foresaw: still one line, exit 2
            if "--debug" in arguments:
                traceback.print_exc()
            _fail(f"unexpected {type(err).__name__}: {err} (a bug; --debug shows the traceback)")
        sys.exit(result if isinstance(result, int) else 0)


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
def main(debug: bool) -> None:
    """Check claims and drafts against their sources."""


def _read_claims(paths: tuple[str, ...], encoding: str, policy: ReadPolicy) -> list[ClaimSet]:
    sets = []
    for path in paths:
        if path == "-":
            raw = sys.stdin.buffer.read(policy.max_bytes + 1)
            if len(raw) > policy.max_bytes:
                raise FactcheckError(f"<stdin>: larger than the {policy.max_bytes:,}-byte limit")
            text = decode(raw, "<stdin>", encoding)
            claims = parse_draft(text, "<stdin>")
            sets.append(ClaimSet("<stdin>", claims[0].sources, claims, text))
        else:
            sets.append(load_claims(path, encoding, policy))
    return sets


@contextmanager
def _progress(total: int, label: str = "checking claims") -> Iterator[Callable[[int], None] | None]:
    """A progress bar on an interactive terminal for long runs; nothing in CI or a pipe."""
    interactive = sys.stderr.isatty() and not os.environ.get("CI")
    if not interactive or total < PROGRESS_MIN_CLAIMS:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda done: bar.advance(task, done)


class _Sources:
    """Each source file is read and analysed once per run, through the on-disk cache when
    there is one (`check` reads it; only `factcheck index` writes it)."""

    def __init__(self, encoding: str, cache: Cache | None, policy: ReadPolicy) -> None:
        self.encoding = encoding
        self.cache = cache
        self.policy = policy
        self.loaded: dict[str, tuple[Source, str]] = {}

    def get(self, paths: list[str]) -> tuple[list[Source], list[str]]:
        """The sources for `paths` and their cache keys (empty without a cache)."""
        for path in dict.fromkeys(paths):
            real = os.path.realpath(path)
            if real not in self.loaded:
                if self.cache is not None:
                    self.loaded[real] = self.cache.load_source(path, self.encoding, self.policy)
                else:
                    source = load_sources([path], self.encoding, policy=self.policy)[0]
                    self.loaded[real] = (source, "")
        chosen = [self.loaded[p] for p in dict.fromkeys(os.path.realpath(p) for p in paths)]
        return [source for source, _ in chosen], [key for _, key in chosen]

    def index(self, sources: list[Source], keys: list[str], brute_force: bool) -> Index | None:
        if self.cache is None or brute_force:
            return None
        return self.cache.index(sources, keys)

    def notes(self) -> None:
        for note in self.cache.notes if self.cache else []:
            click.echo(f"factcheck: note: {visible(note)}", err=True)


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
@cache_dir_option
@click.option("--no-cache", is_flag=True, help="Analyse every source afresh; ignore the cache.")
@click.option("--brute-force", is_flag=True, help="Score every sentence (the reference path).")
@allow_outside_option
def check(
    paths,
    source_paths,
    format_name,
    output,
    encoding,
    config_path,
    fail_on,
    cache_dir,
    no_cache,
    brute_force,
    allow_outside_root,
) -> None:
    """Check claim sets (.yaml) and drafts (Markdown or text; - for stdin).

    With no PATHS, checks the drafts named by the configuration's [[drafts]] tables."""
    settings = load_settings(config_path)
    policy = _read_policy(settings, [*paths, *source_paths], allow_outside_root, config_path)
    paths = paths or tuple(settings.draft_paths())
    if not paths:
        raise FactcheckError("nothing to check: give drafts or claim sets, or configure [[drafts]]")
    _guard_output(output, [*paths, *source_paths, *([settings.path] if settings.path else [])])
    sets = _read_claims(paths, encoding, policy)
    wanted = {
        claim_set.path: [*claim_set.sources, *settings.sources_for(claim_set.path), *source_paths]
        for claim_set in sets
    }
    _guard_output(output, [path for sources in wanted.values() for path in sources])
    cache = None if no_cache else _open_cache(cache_dir, False, policy)
    loader = _Sources(encoding, cache, policy)
    results: list[Result] = []
    with _progress(sum(len(claim_set.claims) for claim_set in sets)) as advance:
        for claim_set in sets:
            if not wanted[claim_set.path]:
                raise FactcheckError(
                    f"{shown(claim_set.path)}: no sources: name them in the claim set, the "
                    "front matter, the configuration or with --source"
                )
            sources, keys = loader.get(wanted[claim_set.path])
            index = loader.index(sources, keys, brute_force)
            results += check_claims(
                claim_set.claims, sources, advance, brute_force, settings, index
            )
    loader.notes()
    severity = Severity(fail_on) if fail_on else settings.fail_on
    texts = {claim_set.path: claim_set.text for claim_set in sets}
    loaded = [source for source, _ in loader.loaded.values()]
    _report(results, loaded, severity, format_name, output, texts)


@main.command()
@click.argument("claim")
@source_option
@format_option
@output_option
@encoding_option
@config_option
@fail_on_option
@allow_outside_option
def verify(
    claim, source_paths, format_name, output, encoding, config_path, fail_on, allow_outside_root
) -> None:
    """Verify one CLAIM against the given sources."""
    if not source_paths:
        raise FactcheckError("verify needs at least one --source")
    settings = load_settings(config_path)
    policy = _read_policy(settings, list(source_paths), allow_outside_root, config_path)
    _guard_output(output, [*source_paths, *([settings.path] if settings.path else [])])
    sources = load_sources(source_paths, encoding, policy=policy)
    results = check_claims([single_claim(claim)], sources, settings=settings)
    severity = Severity(fail_on) if fail_on else settings.fail_on
    _report(results, sources, severity, format_name, output)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@format_option
@output_option
@encoding_option
@allow_outside_option
def sources(paths, format_name, output, encoding, allow_outside_root) -> None:
    """Show each sentence of the SOURCES with its line and who said it."""
    _guard_output(output, list(paths))
    policy = _read_policy(load_settings(), list(paths), allow_outside_root)
    loaded = load_sources(paths, encoding, policy=policy)
    _emit(format_name, _renderer(format_name, "render_sources")(loaded), output)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@encoding_option
@cache_dir_option
@allow_outside_option
def index(paths, encoding, cache_dir, allow_outside_root) -> None:
    """Analyse SOURCES and build their search index in the cache, for `check` to reuse.

    Only files whose bytes changed since the last run are analysed again."""
    started = time.perf_counter()
    policy = _read_policy(load_settings(), list(paths), allow_outside_root)
    cache = _open_cache(cache_dir, True, policy)
    loader = _Sources(encoding, cache, policy)
    with _progress(len(paths), "analysing sources") as advance:
        for path in paths:
            loader.get([path])
            if advance:
                advance(1)
    sources, keys = loader.get(list(paths))
    built = cache.index(sources, keys)
    loader.notes()
    click.echo(
        f"indexed {len(sources)} sources ({cache.hits} unchanged, {cache.misses} analysed), "
        f"{len(built.entries):,} sentences in {time.perf_counter() - started:.1f} s; "
        f"cache: {visible(str(cache.directory))}"
    )
