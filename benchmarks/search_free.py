"""`peerbot serve` with every distinct question searched once: the server's cost beside the search.

    python benchmarks/search_free.py serve --bind 127.0.0.1:3000

An experiment for `end_to_end.py --search-free`, never a way to serve people: the first time
a question is asked, `SnippetIndex.search` answers it as usual; every later mention of the same
question (same index, same text, same k) reuses that `Answer`. Everything else a mention costs
runs exactly as `peerbot serve` runs it: gunicorn, Bolt, the work queue's records before the
ack and before the post, rendering, the Web API call, what is written behind the reply. The
benchmark's questions cycle through the evaluation set, so after the first round almost every
search is skipped, and the difference to peerbot in the same run is what the search costs a
mention in a loaded worker (benchmarks/README.md, the server section).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.answer import Answer  # noqa: E402
from bot.ask import main  # noqa: E402
from bot.index import SnippetIndex  # noqa: E402

_search = SnippetIndex.search
_answers: dict[tuple[int, str, int], Answer] = {}


def _search_once(self: SnippetIndex, question: str, k: int = 3) -> Answer:
    """The first answer to this question from this index (a dict read is atomic under the GIL;
    two threads may both search a new question once, which only costs time)."""
    key = (id(self), question, k)
    found = _answers.get(key)
    if found is None:
        found = _answers[key] = _search(self, question, k)
    return found


SnippetIndex.search = _search_once  # type: ignore[method-assign]

if __name__ == "__main__":
    main()
