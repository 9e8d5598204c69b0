"""Keeping the knowledge base: add a source document, draft snippets from it, see the gaps.

These are curator commands run from the CLI. Nothing here imports Slack or the server: a program
manager runs them on a laptop against `knowledge/` and `seeds/`, and `peerbot check` is still
the only judge of whether the result is sound.
"""

from __future__ import annotations


class CurationError(Exception):
    """A request the curator can fix (bad file, already added, nothing to accept): one message."""
