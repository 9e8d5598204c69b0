"""Deterministic synthetic corpora shaped like a knowledge base: Zipf words, 30-80-word snippets.

Every benchmark draws its documents and queries from here, so two runs (or two engines in one run)
see exactly the same tokens. Words are pronounceable pseudo-words ("bakoti"), so the same corpus
can also be written out as a real knowledge base (`write_knowledge_base`) and go through peerbot's
own tokenizer and validation.

Word ranks follow a Zipf law with exponent 1.0 over a 50,000-word vocabulary. The 20 most frequent
ranks are dropped, as peerbot's tokenizer drops stop words, so the commonest remaining word is in
roughly a quarter of the snippets. Queries are 3-10 words drawn from the same law.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np

VOCABULARY_SIZE = 50_000
ZIPF_EXPONENT = 1.0
STOP_RANKS = 20
MIN_WORDS, MAX_WORDS = 30, 80
MIN_QUERY_WORDS, MAX_QUERY_WORDS = 3, 10

_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"


def pseudo_words(count: int) -> list[str]:
    """`count` distinct lower-case pseudo-words of three or four consonant-vowel syllables."""
    syllables = [c + v for c in _CONSONANTS for v in _VOWELS]
    base = len(syllables)
    words = []
    for number in range(count):
        parts = []
        value = number + base * base  # at least three syllables, so no word is a stop word
        while value:
            value, digit = divmod(value, base)
            parts.append(syllables[digit])
        words.append("".join(reversed(parts)))
    return words


def _rank_probabilities() -> np.typing.NDArray[np.float64]:
    ranks = np.arange(1, VOCABULARY_SIZE + 1, dtype=np.float64)
    weights = ranks**-ZIPF_EXPONENT
    weights[:STOP_RANKS] = 0.0
    probabilities: np.typing.NDArray[np.float64] = weights / weights.sum()
    return probabilities


class SyntheticCorpus:
    """N tokenized snippets and a stream of queries, all fixed by `seed`."""

    def __init__(self, size: int, seed: int = 20240601) -> None:
        self.size = size
        self.seed = seed
        rng = np.random.default_rng(seed)
        words = pseudo_words(VOCABULARY_SIZE)
        # Ranks are shuffled over the words so frequency does not follow spelling.
        self.words = [words[i] for i in rng.permutation(VOCABULARY_SIZE)]
        self._probabilities = _rank_probabilities()
        lengths = rng.integers(MIN_WORDS, MAX_WORDS + 1, size=size)
        ranks = rng.choice(VOCABULARY_SIZE, size=int(lengths.sum()), p=self._probabilities)
        bounds = np.concatenate(([0], np.cumsum(lengths)))
        vocabulary = self.words
        self.documents: list[list[str]] = [
            [vocabulary[r] for r in ranks[bounds[i] : bounds[i + 1]].tolist()] for i in range(size)
        ]

    def queries(self, count: int) -> list[list[str]]:
        """The first `count` queries of the corpus's fixed stream (3-10 words each).

        Drawn in blocks of 1,000 from seeds derived from the corpus seed, so asking for fewer
        queries gives a prefix of the same stream.
        """
        queries: list[list[str]] = []
        block = 0
        while len(queries) < count:
            rng = np.random.default_rng([self.seed, 1, block])
            lengths = rng.integers(MIN_QUERY_WORDS, MAX_QUERY_WORDS + 1, size=1000)
            ranks = rng.choice(VOCABULARY_SIZE, size=int(lengths.sum()), p=self._probabilities)
            bounds = np.concatenate(([0], np.cumsum(lengths)))
            queries += [
                [self.words[r] for r in ranks[bounds[i] : bounds[i + 1]].tolist()]
                for i in range(1000)
            ]
            block += 1
        return queries[:count]


_TOPICS = ("roles-duties", "funding", "training-certification", "evidence-outcomes", "settings")


def write_knowledge_base(root: Path, size: int, seed: int = 20240601) -> tuple[Path, Path]:
    """Write a valid `size`-snippet knowledge base under `root`; return (knowledge, seeds) dirs.

    Each of 100 synthetic sources has one seed file holding its snippets as sentences, so every
    snippet passes the verbatim check; the files are identical for the same size and seed.
    """
    corpus = SyntheticCorpus(size, seed)
    knowledge, seeds = root / "knowledge", root / "seeds"
    (knowledge / "snippets").mkdir(parents=True, exist_ok=True)
    seeds.mkdir(parents=True, exist_ok=True)
    sources = 100
    sentences = [" ".join(words).capitalize() + "." for words in corpus.documents]
    source_lines = ["sources:"]
    for number in range(sources):
        source_lines += [
            f"  - id: source-{number}",
            f"    authors: [Author {number}]",
            "    year: 2020",
            f"    title: Synthetic report {number}",
            "    kind: report",
            f"    seeds: [source-{number}.txt]",
        ]
        own = sentences[number::sources]
        (seeds / f"source-{number}.txt").write_text("\n".join(own) + "\n", encoding="utf-8")
    (knowledge / "sources.yaml").write_text("\n".join(source_lines) + "\n", encoding="utf-8")
    topic_lines = ["topics:"]
    for topic in _TOPICS:
        topic_lines += [f"  - id: {topic}", f"    label: {topic.replace('-', ' ').capitalize()}"]
    (knowledge / "topics.yaml").write_text("\n".join(topic_lines) + "\n", encoding="utf-8")
    (knowledge / "roles.yaml").write_text(
        textwrap.dedent(
            """\
            roles:
              - id: peer-specialist
                title: Peer specialist
                aliases: [CPS, certified peer specialist]
              - id: recovery-coach
                title: Recovery coach
            """
        ),
        encoding="utf-8",
    )
    (knowledge / "synonyms.yaml").write_text(
        "synonyms:\n  - source: Medicaid reimbursement\n    staff: [insurance, billing]\n",
        encoding="utf-8",
    )
    per_file: dict[str, list[str]] = {topic: ["snippets:"] for topic in _TOPICS}
    roles = ("peer-specialist", "recovery-coach")
    for number, sentence in enumerate(sentences):
        topic = _TOPICS[number % len(_TOPICS)]
        role = roles[number % len(roles)] if number % 3 == 0 else ""
        per_file[topic] += [
            f"  - id: snippet-{number}",
            f"    source: source-{number % sources}",
            f"    text: {sentence}",
            f"    topics: [{topic}]",
            f"    roles: [{role}]",
        ]
    for topic, lines in per_file.items():
        (knowledge / "snippets" / f"{topic}.yaml").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
    return knowledge, seeds
