"""An ask that is a clause of its own context sentence is said once (round 27).

"my director wants a one-liner on why we should hire peers, what does the research say": the
weak ask took the sentence it stands in as its context; its content words were left out as its
own, but its stop words, kept in place for phrases, were said twice, and the CLI printed
"Answering: ... hire peers what does the what does the research say". Own question.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.own_questions import own


def test_an_ask_inside_its_context_sentence_is_said_once(real_index: SnippetIndex) -> None:
    # The ask was a clause of the sentence read as its context: its stop words were said
    # twice ("... hire peers what does the what does the research say").
    question = own("my supervisor wants a line on why peers matter, what does the research say")
    ask = real_index.read(question).ask
    assert ask.count("what does the") == 1, ask
    assert ask.endswith("what does the research say"), ask
