"""`peerbot ask` without click: the answers it prints, and the console script's entry point.

`bot.cli` is a click group. Importing click and building its commands (their help strings go
through gettext, which reads the locale) costs about 12 ms of the ~130 ms a `peerbot ask`
takes. So the `peerbot` script starts here: the usual spellings of `ask` (a question or `-` for
one per line on stdin, `--json`, `-k N`) are recognised by `_ask_request` and answered by
`print_answers`, the same function `bot.cli.ask` runs. Anything else (help, the other commands,
any other option or spelling, a missing setting, a broken knowledge base, an output stream
click would re-encode) goes to `bot.cli.main` untouched, which then does all of it as before,
so every message and exit code is click's own.
"""

from __future__ import annotations

import atexit
import functools
import gc
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from bot.config import DEFAULT_CRISIS_NOTICE

if TYPE_CHECKING:
    from bot.answer import Answer
    from bot.index import SnippetIndex

# `bot.cli.ask`'s -k: default and click.IntRange bounds.
DEFAULT_K = 3
MIN_K, MAX_K = 1, 20

Echo = Callable[[str], None]

# `json.dumps(..., ensure_ascii=False)` builds a new encoder for every call; one made once writes
# the same text (the same options) without that cost on each answer of a batch.
_JSON = json.JSONEncoder(ensure_ascii=False)


def format_answer(answer: Answer, crisis_notice: str = DEFAULT_CRISIS_NOTICE) -> str:
    """An answer as plain text for the terminal: answered, partial, or declined."""
    # Imported here, not with the module: `main` pauses the collector before the answer path's
    # modules load (see there), and this one is on that path.
    from bot.answer import DISCLAIMER, VAGUE_HINT, VAGUE_QUESTION

    lines = [f"Q: {answer.question}", ""]
    if answer.crisis:
        lines += [f"! {crisis_notice}", ""]
    if answer.ask is not None:
        lines.append(f"Answering: {answer.ask}")
    if answer.other_questions:
        lines.append(
            f"(Your message held {answer.other_questions} more question(s): ask them separately.)"
        )
    if answer.ask is not None or answer.other_questions:
        lines.append("")
    if answer.partial:
        lines.append(f"The sources do not give {answer.missing}.")
        if answer.related:
            lines += ["", "Related passages (not an answer to the question):"]
            for result in answer.related:
                lines.append(f'- "{result.text}"')
                lines.append(f"  -- {result.full_citation} ({result.kind})")
            lines += ["", DISCLAIMER]
        elif answer.suggestions:
            labels = ", ".join(suggestion.label for suggestion in answer.suggestions)
            lines.append(f"Nearest topics and roles it does cover: {labels}.")
        return "\n".join(lines)
    if not answer.answered:
        if answer.vague:
            lines.append(f"{VAGUE_QUESTION} {VAGUE_HINT}")
        else:
            lines.append(
                "Not found in the sources: none of the passages peerbot knows answers this."
            )
        if answer.suggestions:
            labels = ", ".join(suggestion.label for suggestion in answer.suggestions)
            lines.append(f"Nearest topics and roles it does cover: {labels}.")
        return "\n".join(lines)
    for number, result in enumerate(answer.results, start=1):
        lines.append(f'{number}. "{result.text}"')
        lines.append(f"   -- {result.full_citation} ({result.kind})")
        lines.append("")
    lines.append(DISCLAIMER)
    return "\n".join(lines)


def print_answers(
    index: SnippetIndex,
    question: str,
    k: int,
    as_json: bool,
    crisis_notice: str,
    echo: Echo,
    stdin: TextIO,
) -> None:
    """`peerbot ask`'s output: one answer, or one per line of `stdin` when `question` is "-"."""
    if question == "-":
        for line in stdin:
            answer = index.search(line.rstrip("\r\n"), k=k)
            if as_json:
                echo(_JSON.encode(answer.to_json()))
            else:
                echo(format_answer(answer, crisis_notice))
                echo("")
        return
    answer = index.search(question, k=k)
    if as_json:
        echo(_JSON.encode(answer.to_json()))
    else:
        echo(format_answer(answer, crisis_notice))


@functools.cache
def freeze_at_exit() -> None:
    """At exit, leave the objects that exist to the OS rather than to the garbage collector.

    A command's process ends right after it: the collections the interpreter runs at exit
    would walk every object the index holds for nothing (about 12 ms of a `peerbot ask` on the
    real knowledge base). gc.freeze() only moves them out of the collector's sight; atexit
    handlers and output flushing run as before.
    """
    atexit.register(gc.freeze)


# --- the console script ---------------------------------------------------------------------------


def main() -> None:
    """The `peerbot` command: a plain `ask` answered here, everything else by `bot.cli`.

    Like click's standalone mode, it ends the process (a plain `ask` with `os._exit`).

    A plain `ask` runs with the cyclic garbage collector paused until the index is loaded:
    importing the modules and loading the index make tens of thousands of objects that live
    until the process ends, and the collections they set off (some 80 of the youngest
    generations, walking ever more of them) cost about 4% of a `peerbot ask` and find next to
    nothing to free. Once loaded, they are frozen (`gc.freeze`: out of the collector's sight)
    and the collector runs again, so a batch of questions (`-`) is collected as usual
    without walking the index each time.
    """
    request = _ask_request(sys.argv[1:], os.environ)
    if request is not None and _plain_stdout():
        gc.disable()
        try:
            if _answer(*request):
                return
        finally:
            gc.enable()
    from bot.cli import main as cli_main

    cli_main()


def _ask_request(
    arguments: Sequence[str], environ: Mapping[str, str]
) -> tuple[str, int, bool] | None:
    """(question, k, as_json) if click would read `arguments` as exactly that `ask`, else None.

    Only spellings whose meaning is plain are taken: `ask`, then `--json`, `-k N` (N in
    range, written in ASCII digits, given once) and one question that does not start with "-"
    (or is "-"), in any order. A shell-completion request (click's `_<PROG>_COMPLETE`) is
    click's too.
    """
    if not arguments or arguments[0] != "ask" or sys.platform == "win32":
        return None
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in environ):
        return None
    question: str | None = None
    k: int | None = None
    as_json = False
    rest = iter(arguments[1:])
    for argument in rest:
        if argument == "--json":
            as_json = True
        elif argument == "-k" and k is None:
            value = next(rest, "")
            if not (value.isascii() and value.isdigit() and MIN_K <= int(value) <= MAX_K):
                return None
            k = int(value)
        elif question is None and (argument == "-" or not argument.startswith("-")):
            question = argument
        else:
            return None
    if question is None:
        return None
    return question, DEFAULT_K if k is None else k, as_json


def _plain_stdout() -> bool:
    """Whether click.echo would write to sys.stdout as it is (not re-encode it, not a pipe
    of bytes): a text stream in an encoding other than ASCII."""
    import codecs
    import io

    stream = sys.stdout
    if not isinstance(stream, io.TextIOWrapper) or not stream.encoding:
        return False
    try:
        return codecs.lookup(stream.encoding).name != "ascii"
    except LookupError:
        return False


def _echo(text: str) -> None:
    """click.echo(text) to stdout: the same bytes, written and flushed.

    Text holding an escape character goes through click.echo itself (it drops ANSI styles
    when stdout is no terminal).
    """
    if "\x1b" in text:
        import click

        click.echo(text)
        return
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _answer(question: str, k: int, as_json: bool) -> bool:
    """Run the `ask` and end the process; False, having printed nothing, when `bot.cli` must
    report an error. (So never call it, or `main`, in a process that should go on.)"""
    import errno

    # numpy's OpenBLAS starts a thread per core when numpy is imported (about 7 ms of this
    # process on two cores); an `ask` does no linear algebra, so one thread is all it uses.
    # An operator's own setting is kept.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from bot.config import ConfigError, load_settings
    from bot.knowledge import KnowledgeError
    from bot.loader import load_index

    try:
        settings = load_settings()
        index = load_index(settings)
    except (ConfigError, KnowledgeError):
        return False  # bot.cli loads again and reports it as click's error, exit status 1
    # Everything made so far lives until the process ends: out of the collector's sight, and
    # the collector on again for the questions (`main` paused it).
    gc.freeze()
    gc.enable()
    freeze_at_exit()
    try:
        print_answers(index, question, k, as_json, settings.crisis_notice, _echo, sys.stdin)
    except (EOFError, KeyboardInterrupt):
        # As click does: a blank line closes the terminal's ^C echo, then "Aborted!".
        sys.stderr.write("\nAborted!\n")
        sys.stderr.flush()
        sys.exit(1)
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        # The reader closed the pipe (`| head`): exit 1 quietly, as click does, without the
        # interpreter's flush at exit failing again on it.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    # Everything is written and flushed, and the process ends now: tearing the interpreter down
    # would free the index object by object and clear every module first (about 4.5 ms of a
    # ~125 ms `peerbot ask`). Status 0, as click's exit.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
