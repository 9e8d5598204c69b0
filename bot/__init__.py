"""peerbot: answers peer-support staff questions with verbatim, cited passages."""

__version__ = "0.1.0"
