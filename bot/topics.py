"""Topic overviews: what a declined question's suggested topic button opens.

A topic the knowledge base covers is shown as its first few passages, in curated order, with
their citations, the same way a role card is; the passages are the curators' own, never ranked
against the question that was declined.
"""

from __future__ import annotations

from bot.answer import Result
from bot.knowledge import KnowledgeBase
from bot.records import Record, frozen_record

# An overview is a glance, like a role card's summary.
MAX_OVERVIEW_PASSAGES = 4


@frozen_record
class TopicOverview(Record):
    """A topic's label, its first passages, and how many more the knowledge base holds."""

    topic_id: str
    label: str
    results: tuple[Result, ...]
    more: int


def topic_overview(kb: KnowledgeBase, topic_id: str) -> TopicOverview | None:
    """The topic's first passages (those filed under it first, then the others); None if unknown."""
    topic = kb.topics.get(topic_id)
    if topic is None:
        return None
    primary = [snippet for snippet in kb.snippets if snippet.topics[:1] == (topic_id,)]
    secondary = [
        snippet
        for snippet in kb.snippets
        if topic_id in snippet.topics[1:] and snippet not in primary
    ]
    chosen = (primary + secondary)[:MAX_OVERVIEW_PASSAGES]
    results = tuple(Result.from_snippet(kb, snippet, 0.0) for snippet in chosen)
    return TopicOverview(
        topic.id, topic.label, results, len(primary) + len(secondary) - len(chosen)
    )
