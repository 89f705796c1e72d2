"""The command line: parse arguments, call the API, pick a format, set the exit code.

Exit codes: 0 nothing failing, 1 findings (or unmet `expect`), 2 usage or input error.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import click

from . import FactcheckError, check_claims, load_sources, refuse_claim_set
from .cache import Cache, default_directory
from .claims import (
    ClaimSet,
    NoProse,
    draft_set,
    front_matter_sources,
    is_claim_set,
    load_claims,
    parse_claim_set,
    single_claim,
)
from .codes import CODES
from .config import Settings, known_code, load_settings
from .fanout import idle_cores
from .files import ReadPolicy, decode, find_roots, inside, read_text, write_atomic
from .formats import FORMATS, SOURCE_FORMATS, Target
from .formats.base import counted
from .formats.concise import render_statistics
from .inputs import (
    DRAFT_SUFFIXES,
    SOURCE_SUFFIXES,
    confine_walk,
    expand,
    listed_files,
    relative_to_cwd,
    repository_root,
)
from .model import Result, Severity, Source
from .report import EXCLUDED, NO_PROSE, NOT_A_DRAFT, CheckReport, Skipped
from .retrieve import Index
from .sanitize import shown, visible
from .version import __version__

PROGRESS_MIN_CLAIMS = 20  # fewer claims finish before a bar is worth drawing
STDIN = "<stdin>"


def _fail(message: str) -> None:
    """One line on stderr, whatever the message holds (a path with a newline and `::error`
    cannot start a workflow command of its own), and exit 2."""
    click.echo(f"factcheck: error: {visible(message)}", err=True)
    sys.exit(2)


def _note(level: str, message: str) -> None:
    click.echo(f"factcheck: {level}: {visible(message)}", err=True)


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
    settings: Settings, allow_outside_root: bool, config_path: str | None = None
) -> ReadPolicy:
    """Reads confined to the git checkout (and a --config file's directory; see files.py),
    paths typed on the command line included: `factcheck check /etc/passwd` is refused."""
    roots = find_roots(settings.path, config_path is not None, Path.cwd())
    return ReadPolicy(None if allow_outside_root else roots, settings.max_file_bytes)


def _open_cache(
    directory: str | None, write: bool, policy: ReadPolicy, sweep: bool = True
) -> Cache:
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
    return Cache(path, write=write, sweep=sweep)


def _target(output: str | None, quiet: bool = False) -> Target:
    """Colour and wrapping for an interactive terminal; plain, unwrapped lines for a file,
    a pipe or a CI log."""
    if output is None and sys.stdout.isatty():
        import shutil  # imports where used, here and below: a pre-commit run pays each one

        return Target(
            color=not os.environ.get("NO_COLOR"),  # no-color.org: set and not empty
            width=shutil.get_terminal_size().columns,
            quiet=quiet,
        )
    return Target(quiet=quiet)


def _emit(rendered: str, output: str | None) -> None:
    """Print a rendered report, or write it atomically to `output`."""
    if output:
        write_atomic(output, rendered)
    else:
        click.echo(rendered, nl=False)


def _codes(values: tuple[str, ...]) -> list[str]:
    """Codes given as `--select a,b --select c`."""
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


format_option = click.option(
    "--format",
    "format_name",
    type=click.Choice(list(FORMATS)),
    default="terminal",
    show_default=True,
    help="Output format: " + "; ".join(f"{f.name}: {f.summary}" for f in FORMATS.values()) + ".",
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
    help="A source file, directory or glob to check against (repeatable).",
)
config_option = click.option(
    "--config",
    "config_path",
    default=None,
    help="Configuration file (default: nearest factcheck.toml or pyproject.toml upward).",
)
allow_outside_option = click.option(
    "--allow-outside-root",
    is_flag=True,
    help="Read files anywhere (local use). By default reads stay inside the configuration's "
    "directory or the git checkout, never in .git/, regular files only.",
)
cache_dir_option = click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Cache directory (default: $FACTCHECK_CACHE_DIR, else ~/.cache/factcheck).",
)
no_cache_option = click.option(
    "--no-cache", is_flag=True, help="Analyse every source afresh; ignore the cache."
)
jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes analysing sources (default: all cores) and, for check, checking "
    "claims (default: the cores no other process is busy on now).",
)


def policy_options(command: Callable) -> Callable:
    """What fails the run and what is shown: shared by check and verify."""
    for option in reversed(
        [
            click.option(
                "--fail-on",
                type=click.Choice(["info", "warning", "error"]),
                default=None,
                help="Lowest finding severity that fails the run (default: configuration, "
                "else error).",
            ),
            click.option(
                "--select",
                multiple=True,
                help="Report only these finding codes (comma-separated, repeatable).",
            ),
            click.option(
                "--ignore",
                multiple=True,
                help="Do not report these finding codes (comma-separated, repeatable).",
            ),
            click.option(
                "--exit-zero",
                is_flag=True,
                help="Exit 0 even when claims fail (errors in the input still exit 2).",
            ),
            click.option(
                "--quiet",
                "-q",
                is_flag=True,
                help="Show only what fails the run: no passing claims, summary or notes.",
            ),
            click.option(
                "--statistics",
                is_flag=True,
                help="Print how often each finding code occurs instead of the findings.",
            ),
        ]
    ):
        command = option(command)
    return command


# click 8.2 and later raise this for a group run with no arguments; 8.1 printed the help.
NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


class OneLineErrors(click.Group):
    """Usage errors as one line on stderr and exit code 2, like input errors; so is any
    unexpected exception (exit 1 means findings, so a crash must never end in 1), with the
    traceback only under --debug."""

    def main(self, args=None, *rest, **kwargs):
        kwargs["standalone_mode"] = False
        arguments = list(sys.argv[1:] if args is None else args)
        try:
            result = super().main(arguments, *rest, **kwargs)
        except NO_ARGS_IS_HELP as err:  # `factcheck` alone: the help, as --help prints it
            click.echo(err.ctx.get_help() if err.ctx else self.get_help(click.Context(self)))
            sys.exit(0)
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
                import traceback

                traceback.print_exc()
            _fail(f"unexpected {type(err).__name__}: {err} (a bug; --debug shows the traceback)")
        sys.exit(result if isinstance(result, int) else 0)


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, package_name="factcheck")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
def main(debug: bool) -> None:
    """Check claims and drafts against their sources."""


def run() -> None:
    """The `factcheck` command: the CLI, then an end that skips freeing the run's objects one
    by one. Once the report is written and flushed nothing is left to do at exit (files are
    written atomically and closed, worker pools joined), yet Python's teardown of a check
    against an archive takes 0.15-0.2 s of its 2 (bench/scale.py). Called in process (tests,
    `main()`), the CLI ends as usual.

    factcheck uses numpy for the store's arrays, never for linear algebra, so OpenBLAS (what
    numpy's wheels link) is held to one thread: starting one per core at import took 65 ms
    of numpy's 210 (`python -X importtime`), and a cached check of the 1M archive took 0.24 s
    less CPU (median of 7 interleaved runs, bench/scale.py's archive). A user's own setting
    stands."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # The cyclic collector serves long-running programs: a run frees what it allocates by
    # reference count, and at the default threshold (700) the collector ran 142 times in a
    # cached check of the 1M archive, 0.09-0.1 s, to free 335 objects. As mypy does, a
    # threshold of 200,000: no collection in that check, peak memory 1 MB more.
    gc.set_threshold(200_000, 30, 30)
    try:
        main()
    except SystemExit as done:
        if not isinstance(done.code, int):
            raise
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:  # a closed pipe: Python's own exit says so
            raise done from None
        os._exit(done.code)


@contextmanager
def _progress(total: int, label: str = "checking claims") -> Iterator[Callable[[int], None] | None]:
    """A progress bar on an interactive terminal for long runs; nothing in CI or a pipe."""
    interactive = sys.stderr.isatty() and not os.environ.get("CI")
    if not interactive or total < PROGRESS_MIN_CLAIMS:
        yield None
        return
    from rich.console import Console  # here: only a long interactive run needs rich
    from rich.progress import Progress

    # redrawn as claims finish, by this thread: a refreshing thread would keep `check` from
    # sharing claims out among forked workers (`fanout.can_fork`)
    with Progress(console=Console(stderr=True), transient=True, auto_refresh=False) as bar:
        task = bar.add_task(label, total=total)
        yield lambda done: bar.update(task, advance=done, refresh=True)


class _Sources:
    """Each source file is read and analysed once per run. With a cache, `check` searches
    the store (`factcheck index` fills it; `check` adds what it had to analyse itself)."""

    def __init__(
        self, encoding: str, cache: Cache | None, policy: ReadPolicy, jobs: int | None = None
    ) -> None:
        from .store import Store, runner_for  # here: `verify` never needs it (cold start)

        self.encoding = encoding
        self.policy = policy
        # sources new to the store (or all, after an analysis upgrade) analysed on all cores
        self.store = Store(cache, encoding, policy, runner_for(jobs)) if cache else None
        self.loaded: dict[str, Source] = {}

    def index(self, paths: list[str], brute_force: bool) -> tuple[list[Source], object]:
        """The sources analysed in this process (none with a store) and the index to search."""
        for path in dict.fromkeys(paths):
            refuse_claim_set(path)
        if self.store is not None:
            return [], self.store.open_index(paths, brute_force)
        for path in dict.fromkeys(paths):
            real = os.path.realpath(path)
            if real not in self.loaded:
                self.loaded[real] = load_sources([path], self.encoding, policy=self.policy)[0]
        chosen = [self.loaded[p] for p in dict.fromkeys(os.path.realpath(p) for p in paths)]
        return chosen, Index(chosen, brute_force=brute_force)

    def notes(self) -> None:
        for note in self.store.all_notes() if self.store else []:
            _note("note", note)


def _confine_configured_walks(settings: Settings, policy: ReadPolicy) -> None:
    """Every [[drafts]] glob passes the read policy before the run starts, walked or only
    matched this time: a configuration naming `/**` is refused outright."""
    for pattern in settings.walked_patterns():
        confine_walk(pattern, policy, f"{settings.path}: [[drafts]]")


def _no_sources(path: str) -> FactcheckError:
    return FactcheckError(
        f"{path}: no sources: name them in the claim set, the front matter, the "
        "configuration's [[drafts]] or with --source"
    )


def _read_claims(
    paths: list[str],
    encoding: str,
    settings: Settings,
    given_sources: list[str],
    stdin_name: str,
    policy: ReadPolicy,
) -> tuple[list[ClaimSet], list[Skipped]]:
    """The claim sets to check, and the Markdown files left alone: a file that no
    [[drafts]] entry covers and that names no sources is not a draft (a README beside the
    drafts, staged in the same commit), and a draft with no prose (a stub, an index of
    links) has nothing to check, so both are skipped, not refused."""
    sets, skipped = [], []
    for path in paths:
        try:
            claim_set = _read_one(path, encoding, settings, given_sources, stdin_name, policy)
        except NoProse:
            skipped.append(replace(NO_PROSE, path=stdin_name if path == "-" else path))
            continue
        if claim_set is None:
            skipped.append(replace(NOT_A_DRAFT, path=path))
            continue
        if not (claim_set.sources or given_sources or settings.sources_for(claim_set.path, policy)):
            raise _no_sources(shown(claim_set.path))
        sets.append(claim_set)
    return sets, skipped


def _read_one(
    path: str,
    encoding: str,
    settings: Settings,
    given_sources: list[str],
    stdin_name: str,
    policy: ReadPolicy,
) -> ClaimSet | None:
    """The claims of one path (`-`: standard input), or None for Markdown that is no draft."""
    if path == "-":
        raw = sys.stdin.buffer.read(policy.max_bytes + 1)
        if len(raw) > policy.max_bytes:
            raise FactcheckError(f"{STDIN}: larger than the {policy.max_bytes:,}-byte limit")
        text = decode(raw, stdin_name, encoding)
        parse = parse_claim_set if is_claim_set(stdin_name) else draft_set
        return parse(text, stdin_name)
    if is_claim_set(path) or given_sources or settings.sources_for(path, policy):
        return load_claims(path, encoding, policy)
    text = read_text(path, encoding, policy)
    if not front_matter_sources(text, path):
        return None
    return draft_set(text, path)


@dataclass(frozen=True)
class RunOptions:
    """The options `policy_options` adds to check and verify: what fails, what is shown."""

    fail_on: str | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    exit_zero: bool
    quiet: bool
    statistics: bool

    def settings(self, config_path: str | None) -> Settings:
        """The configuration, with --select/--ignore applied."""
        chosen = load_settings(config_path)
        return chosen.with_selection(_codes(self.select), _codes(self.ignore))

    def fail_on_for(self, settings: Settings) -> Severity:
        return Severity(self.fail_on) if self.fail_on else settings.fail_on


def _finish(report: CheckReport, format_name: str, output: str | None, options: RunOptions) -> None:
    """Write the report (or its statistics) and exit 1 when it fails, unless --exit-zero."""
    quiet = options.quiet
    for reason in dict.fromkeys(s.reason for s in report.skipped if not quiet):
        names = [s.path for s in report.skipped if s.reason == reason]
        _note("info", f"skipped {counted(len(names), 'file')} {reason}: {', '.join(names)}")
    if options.statistics:
        _emit(render_statistics(report), output)
    else:
        _emit(FORMATS[format_name].check(report, _target(output, quiet)), output)
    sys.exit(1 if report.failed and not options.exit_zero else 0)


@main.command()
@click.argument("paths", nargs=-1)
@source_option
@format_option
@output_option
@encoding_option
@config_option
@policy_options
@cache_dir_option
@no_cache_option
@click.option("--brute-force", is_flag=True, help="Score every sentence (the reference path).")
@allow_outside_option
@jobs_option
@click.option(
    "--stdin-filename",
    default=None,
    help="The name a draft read from - (standard input) has in reports and configuration.",
)
def check(
    paths,
    source_paths,
    format_name,
    output,
    encoding,
    config_path,
    cache_dir,
    no_cache,
    brute_force,
    allow_outside_root,
    jobs,
    stdin_filename,
    **policy,
) -> None:
    """Check claim sets (.yaml) and drafts (Markdown or text; - for stdin).

    PATHS may be files, directories (their Markdown drafts, recursively) or globs. With no
    PATHS, checks the drafts named by the configuration's [[drafts]] tables. Files that no
    [[drafts]] entry covers and that name no sources, and drafts with no prose, are
    skipped."""
    if stdin_filename is not None and "-" not in paths:
        raise click.UsageError("--stdin-filename names the draft read from -; no - was given")
    options = RunOptions(**policy)
    settings = options.settings(config_path)
    policy = _read_policy(settings, allow_outside_root, config_path)
    _confine_configured_walks(settings, policy)
    named_paths = bool(paths)
    paths = paths or tuple(settings.draft_paths(policy))
    if not paths:
        raise FactcheckError("nothing to check: give drafts or claim sets, or configure [[drafts]]")
    # named one by one on the command line, yet excluded: said, not silently dropped (the
    # configuration's own [[drafts]] walk leaves its exclusions out quietly)
    excluded: list[str] = []
    left_out = excluded if named_paths else None
    files = expand(paths, DRAFT_SUFFIXES, settings.is_excluded, True, policy, left_out)
    given = expand(source_paths, SOURCE_SUFFIXES, policy=policy)
    _guard_output(output, [*files, *given, *([settings.path] if settings.path else [])])
    sets, skipped = _read_claims(files, encoding, settings, given, stdin_filename or STDIN, policy)
    skipped = [replace(EXCLUDED, path=path) for path in excluded] + skipped
    root = str(repository_root())
    wanted = {
        claim_set.path: [
            relative_to_cwd(p, root)
            for p in [
                *listed_files(claim_set.sources, policy, f"{claim_set.path}: sources"),
                *settings.sources_for(claim_set.path, policy),
            ]
        ]
        + given
        for claim_set in sets
    }
    _guard_output(output, [path for sources in wanted.values() for path in sources])
    cache = None if no_cache else _open_cache(cache_dir, True, policy)
    loader = _Sources(encoding, cache, policy, jobs)
    jobs = jobs or idle_cores()  # asked for, or the cores no other work keeps busy
    results: list[Result] = []
    with _progress(sum(len(claim_set.claims) for claim_set in sets)) as advance:
        for claim_set in sets:
            sources, index = loader.index(wanted[claim_set.path], brute_force)
            for_file = settings.for_file(claim_set.path)
            results += check_claims(
                claim_set.claims, sources, advance, brute_force, for_file, index, jobs
            )
    if not options.quiet:
        loader.notes()
    report = CheckReport(
        results,
        list(loader.loaded.values()),
        options.fail_on_for(settings),
        {claim_set.path: claim_set.text for claim_set in sets},
        str(repository_root()),
        skipped,
    )
    _finish(report, format_name, output, options)


@main.command()
@click.argument("claim")
@source_option
@format_option
@output_option
@encoding_option
@config_option
@policy_options
@cache_dir_option
@no_cache_option
@allow_outside_option
def verify(
    claim,
    source_paths,
    format_name,
    output,
    encoding,
    config_path,
    cache_dir,
    no_cache,
    allow_outside_root,
    **policy,
) -> None:
    """Verify one CLAIM against the given sources (files, directories or globs).

    Each source's analysis is read from the cache `check` uses while the file is unchanged,
    and stored there when it is new."""
    if not source_paths:
        raise FactcheckError("verify needs at least one --source")
    options = RunOptions(**policy)
    settings = options.settings(config_path)
    policy = _read_policy(settings, allow_outside_root, config_path)
    given = expand(source_paths, SOURCE_SUFFIXES, policy=policy)
    _guard_output(output, [*given, *([settings.path] if settings.path else [])])
    # a verify reads one entry a source: the cache's leftovers are swept by check and index
    cache = None if no_cache else _open_cache(cache_dir, True, policy, sweep=False)
    sources = load_sources(given, encoding, cache, policy)
    for note in cache.notes if cache and not options.quiet else []:
        _note("note", note)  # an unusable entry, analysed again
    results = check_claims([single_claim(claim)], sources, settings=settings.for_file(None))
    report = CheckReport(
        results, sources, options.fail_on_for(settings), root=str(repository_root())
    )
    _finish(report, format_name, output, options)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(list(SOURCE_FORMATS)),
    default="terminal",
    show_default=True,
    help="Output format (the formats that can show sources).",
)
@output_option
@encoding_option
@allow_outside_option
def sources(paths, format_name, output, encoding, allow_outside_root) -> None:
    """Show each sentence of the SOURCES (files, directories or globs) with its line and who
    said it."""
    policy = _read_policy(load_settings(), allow_outside_root)
    files = expand(paths, SOURCE_SUFFIXES, policy=policy)
    _guard_output(output, files)
    loaded = load_sources(files, encoding, policy=policy)
    render = FORMATS[format_name].sources
    assert render is not None  # SOURCE_FORMATS holds only formats that render sources
    _emit(render(loaded, _target(output)), output)


@main.command()
@click.argument("paths", nargs=-1)
@encoding_option
@config_option
@cache_dir_option
@allow_outside_option
@jobs_option
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Analyse on a Dask cluster (e.g. tcp://HOST:8786) whose workers see the same files "
    "and cache directory; needs factcheck[dask].",
)
def index(paths, encoding, config_path, cache_dir, allow_outside_root, jobs, scheduler) -> None:
    """Analyse SOURCES (files, directories or globs) and build their search index in the
    cache, for `check` to reuse. With no SOURCES, every source the configuration's
    [[drafts]] tables name.

    Only files whose size or modification time changed since the last run are analysed
    again, in parallel, into shards that `check` searches together."""
    from .store import Store, runner_for

    started = time.perf_counter()
    settings = load_settings(config_path)
    policy = _read_policy(settings, allow_outside_root, config_path)
    if paths:
        files = expand(paths, SOURCE_SUFFIXES, policy=policy)
    else:
        _confine_configured_walks(settings, policy)
        files = [relative_to_cwd(p) for p in settings.all_sources(policy)]
        if not files:
            raise FactcheckError("nothing to index: give sources, or configure [[drafts]]")
    for path in files:
        refuse_claim_set(path)
    cache = _open_cache(cache_dir, True, policy)
    store = Store(cache, encoding, policy, runner_for(jobs, scheduler))
    found = store.update(files)
    for note in store.all_notes():
        _note("note", note)
    sentences = sum(source.count for _, source in found.values())
    click.echo(
        f"indexed {counted(len(found), 'source')} ({store.unchanged} unchanged, "
        f"{store.analysed} analysed), {counted(sentences, 'sentence')}, "
        f"{counted(len(store.summaries), 'new shard')}, in "
        f"{time.perf_counter() - started:.1f} s; cache: {visible(str(cache.directory))}"
    )


@main.command()
@click.argument("code", required=False)
def rule(code) -> None:
    """Explain a finding CODE: what it means, its severity, and how to switch it off.
    Without CODE, list every code."""
    if code is None:
        width = max(len(c) for c in CODES)
        for spec in CODES.values():
            click.echo(f"{spec.code:<{width}}  {spec.severity.value:<7}  {spec.summary}")
        return
    spec = CODES[known_code(code, "")]
    argues = f", argues: {spec.verdict.value}" if spec.verdict else ""
    example = f"Example: {spec.example}\n\n" if spec.example else ""
    click.echo(
        f"{spec.code} (default severity: {spec.severity.value}{argues})\n\n"
        f"{spec.summary}\n\n{example}"
        f"Switch it off for one sentence of a draft:  <!-- factcheck: ignore {spec.code} -->\n"
        f'Change its severity in the configuration:   [severity] {spec.code} = "warning"  '
        '(info, warning, error or "off")\n'
        f"Leave it out of one run:                    factcheck check --ignore {spec.code}\n"
    )
