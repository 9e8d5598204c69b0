"""Build the searchable index from the knowledge base named by the settings.

Kept apart from the CLI and the Slack app so both start the same way, and so the on-disk index
cache (see `bot.cache`) has a single place to plug in.
"""

from __future__ import annotations

from bot.config import Settings
from bot.index import SnippetIndex
from bot.knowledge import load_knowledge


def load_index(settings: Settings) -> SnippetIndex:
    """Validate the knowledge base and index it; raises KnowledgeError when it is broken."""
    kb = load_knowledge(settings.knowledge_dir, settings.seeds_dir)
    return SnippetIndex.build(kb)
