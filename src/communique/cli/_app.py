"""The ``communique`` command group: global flags, messages and exit codes."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO, TypeVar, cast

import click
from attrs import define

from .. import __version__, registry
from ..batch._lifeline import Interrupted, StopSignals
from ..errors import CommuniqueError, CommuniqueWarning

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

EXIT_CODES_HELP = """\b
Exit codes:
  0    everything asked for was done
  1    some inputs failed (or were skipped, e.g. an output already exists)
  2    usage error (unknown option, format or option value)
  130  interrupted (Ctrl-C); no partial file is left behind
  143  stopped by SIGTERM, the same way as by Ctrl-C"""

F = TypeVar("F", bound=Callable[..., Any])


@define
class Settings:
    """Flags shared by every command (given before or after the command name)."""

    debug: bool = False
    quiet: bool = False


def settings() -> Settings:
    """The current invocation's settings."""
    return click.get_current_context().ensure_object(Settings)


def error(message: str) -> None:
    """Print a one-line error to stderr: ``communique: error: <message>``."""
    click.echo(f"communique: error: {message}", err=True)


def fail(exc: BaseException, display: str) -> None:
    """Report ``exc`` about the input ``display`` on one line (after its traceback with ``--debug``)."""
    from ..batch._core import describe

    if settings().debug:
        import traceback

        traceback.print_exception(exc)
    error(describe(exc, display))


def warning(message: str) -> None:
    """Print a one-line warning to stderr."""
    click.echo(f"communique: warning: {message}", err=True)


def _flag(name: str) -> Callable[[click.Context, click.Parameter, bool], None]:
    def callback(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if value:
            setattr(ctx.ensure_object(Settings), name, True)

    return callback


def common_options(func: F) -> F:
    """Add ``--debug`` and ``--quiet`` to a command (they also work before the command name)."""
    func = click.option(
        "--debug",
        is_flag=True,
        expose_value=False,
        callback=_flag("debug"),
        help="Show the traceback of each error (for bug reports).",
    )(func)
    func = click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=_flag("quiet"),
        help="No progress bar, no summary: only errors.",
    )(func)
    return func


def complete_exporters(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of ``--to``: exporter names (and ``all``), after any comma."""
    head, comma, last = incomplete.rpartition(",")
    prefix = head + comma
    return [prefix + n for n in [*registry.exporter_names(), "all"] if n.startswith(last.lower())]


def complete_parsers(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of ``--from``: parser names."""
    return [n for n in registry.parser_names() if n.startswith(incomplete.lower())]


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    # communique's warnings are messages for the user, not for a developer: one line, no source location.
    if issubclass(category, CommuniqueWarning):
        warning(" ".join(str(message).split()))
    else:
        click.echo(warnings.formatwarning(message, category, filename, lineno, line).rstrip(), err=True)


class Group(click.Group):
    """A click group whose ``main`` maps every outcome to a documented exit code.

    Errors are one line (``communique: error: ...``); a traceback is shown
    only with ``--debug``.  Ctrl-C exits with 130, SIGTERM with 143.
    """

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        state = extra.setdefault("obj", Settings())
        try:
            with warnings.catch_warnings(), StopSignals().installed():
                warnings.showwarning = _show_warning
                code = super().main(args, prog_name or "communique", complete_var, standalone_mode=False, **extra)
            if not isinstance(code, int):
                code = EXIT_OK
        except click.exceptions.Abort:
            click.echo("communique: interrupted", err=True)
            code = EXIT_INTERRUPTED
        except KeyboardInterrupt as exc:
            click.echo("\ncommunique: interrupted", err=True)
            code = exc.exit_code if isinstance(exc, Interrupted) else EXIT_INTERRUPTED
        except click.exceptions.NoArgsIsHelpError as exc:
            exc.show()
            code = exc.exit_code
        except click.UsageError as exc:
            # One line like every other error, with where to look for help.
            command = exc.ctx.command_path if exc.ctx is not None else "communique"
            error(f"{' '.join(exc.format_message().split())} (see '{command} --help')")
            code = exc.exit_code
        except click.ClickException as exc:
            error(" ".join(exc.format_message().split()))
            code = exc.exit_code
        except CommuniqueError as exc:
            if getattr(state, "debug", False):
                import traceback

                traceback.print_exc()
            error(" ".join(str(exc).split()))
            code = EXIT_FAILED
        except Exception as exc:
            if getattr(state, "debug", False):
                import traceback

                traceback.print_exc()
            error(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
            code = EXIT_FAILED
        if standalone_mode:
            sys.exit(code)
        return code


@click.group(
    cls=Group,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EXIT_CODES_HELP
    + """

\b
Examples:
  communique convert examples/sample_fr.txt --to all -o out/
  communique convert releases/ --to json,pdf -o out/ --jobs 4
  cat release.txt | communique convert - --from text --to json > release.json
  communique show examples/sample_fr.txt
  communique validate out/
  communique formats --verbose

\b
Shell completion (click's own), e.g. for bash:
  eval "$(_COMMUNIQUE_COMPLETE=bash_source communique)"
(zsh: zsh_source, fish: fish_source)""",
)
@click.version_option(__version__, "-V", "--version", prog_name="communique")
@common_options
def cli() -> None:
    """Press releases as typed objects: convert, inspect and validate them.

    Reads plain text, JSON, XML, NITF, DOCX and PDF releases (whatever parsers
    are installed) and writes any registered format.  Run
    'communique COMMAND --help' for each command's options.
    """


def _quiet_exit() -> None:
    """The run's outcome is decided and reported: a Ctrl-C from now on, while the interpreter tears down
    (threads joined, finalizers run), would only print a traceback from inside it ("Exception ignored in
    … KeyboardInterrupt"). Ignore it, in the main thread, where handlers may be set."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``communique`` console script and ``python -m communique``."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="communique")
    finally:
        _quiet_exit()  # (the process ends here: no caller's Ctrl-C is taken away)


def binary_stream(name: str) -> BinaryIO:
    """The binary stdin or stdout (click.get_binary_stream is deprecated from Click 8.3)."""
    stream = sys.stdin if name == "stdin" else sys.stdout
    return cast(BinaryIO, getattr(stream, "buffer", stream))
