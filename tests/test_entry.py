"""The `factcheck` command's entry (`cli.run`): it ends with `os._exit` once the report is
flushed, so what it printed must reach a pipe whole and its exit code must be the CLI's."""

import os
import subprocess
import sys

from conftest import ARTICLE

# a stand-in CLI: prints (block-buffered into a pipe) and exits with a findings code
STAND_IN = (
    "import os, sys, factcheck.cli as cli\n"
    "def fake():\n"
    "    print('report line ' * 2000)\n"
    "    print(os.environ.get('OPENBLAS_NUM_THREADS'))\n"
    "    import gc\n"
    "    print(gc.get_threshold()[0])\n"
    "    sys.exit(1)\n"
    "cli.main = fake\n"
    "cli.run()\n"
)


def entry(code: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )


def test_what_the_cli_printed_reaches_the_pipe_with_its_exit_code():
    done = entry(STAND_IN)
    lines = done.stdout.splitlines()
    assert done.returncode == 1
    assert lines[0] == "report line " * 2000 and lines[1] == "1"
    assert int(lines[2]) >= 100_000  # cyclic collection left for large heaps


def test_a_users_blas_thread_setting_stands():
    done = entry(STAND_IN, env={**os.environ, "OPENBLAS_NUM_THREADS": "4"})
    assert done.stdout.splitlines()[1] == "4"


def test_the_real_command_through_the_entry_gives_the_cli_output():
    argv = ["verify", "Japan will sell Patriot missiles.", "-s", str(ARTICLE), "--format", "json"]
    code = f"import sys; sys.argv = ['factcheck', *{argv!r}]; import factcheck.cli as c; c.run()"
    through_run = entry(code)
    code = code.replace("c.run()", "c.main()")
    through_main = entry(code)
    assert through_run.returncode == through_main.returncode
    assert through_run.stdout == through_main.stdout and through_run.stdout.startswith("{")
