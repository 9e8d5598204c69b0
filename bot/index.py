"""Question -> ranked, cited snippets, or an honest "the sources do not cover this".

Ranking is exact BM25Okapi (rank-bm25's model, see `bot.bm25`) over each snippet's text plus the
labels of its topics and roles. Deciding *whether* to answer is a separate question that BM25's
score cannot settle on its own: scores grow with query length, and a term found in half the corpus
gets zero idf, so `score > 0` says nothing. A hit is shown only when it covers most of what the
question asks about (`coverage`: the idf-weighted share of the question's concepts found in the
snippet) and carries enough evidence in absolute terms (`evidence`: the weight it covers, in
units of "one word the corpus has never seen"). These weights use a smoothed idf, ln(1 + N/df),
that never reaches zero, so the decision stays sound where BM25Okapi's idf collapses (a term in
half of a small corpus); a word the corpus lacks weighs ln(1 + 2N), more than its rarest term.
Both thresholds are calibrated on `tests/data/questions-dev.yaml` (README, "How peerbot decides").
"""

from __future__ import annotations

import difflib
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from bot.answer import Answer, Result, Suggestion
from bot.bm25 import PostingsBM25, select_top
from bot.crisis import mentions_crisis
from bot.knowledge import KnowledgeBase, Snippet
from bot.tokenize import STOP_WORDS, filler_terms, stem_word, tokenize, words

# Calibrated on tests/data/questions-dev.yaml with `peerbot eval --sweep`; see README.
MIN_COVERAGE = 0.5
MIN_EVIDENCE = 0.3
# An everyday word ("actually", "stuff", "day") weighs at most this share of an unknown word.
FILLER_SHARE = 0.1
# Two passages whose term sets overlap this much are the same passage read from two seeds.
DUPLICATE_JACCARD = 0.8
# How many BM25-ranked candidates are examined for coverage per requested result.
_CANDIDATES_PER_RESULT = 8
_MAX_QUESTION_CHARS = 2000


@dataclass
class _Concept:
    """One thing the question asks about: its term, or a source wording (all its terms) instead."""

    term: str
    alternatives: set[frozenset[str]] = field(default_factory=set)
    weight: float = 0.0


@dataclass(frozen=True)
class Hit:
    """A ranked snippet with the measures used to decide whether it may be shown."""

    snippet: Snippet
    score: float
    coverage: float
    evidence: float


@dataclass(frozen=True)
class _Phrase:
    """A staff wording (matched on stems) or a role name (matched word for word) in a question."""

    keys: tuple[str, ...]
    expansion: tuple[str, ...]
    role_id: str | None = None


def _key(word: str) -> str:
    if word in STOP_WORDS or word[0].isdigit():
        return word
    return stem_word(word)


def _plural(word: str) -> str:
    """The regular English plural of a role noun ("coach" -> "coaches")."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word if word.endswith("s") else word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _phrase_keys(text: str) -> tuple[str, ...]:
    return tuple(_key(word) for word in words(text))


class SnippetIndex:
    """The searchable knowledge base; build once, query many times from any thread."""

    def __init__(
        self,
        kb: KnowledgeBase,
        engine: PostingsBM25,
        *,
        min_coverage: float = MIN_COVERAGE,
        min_evidence: float = MIN_EVIDENCE,
        surface: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        """`surface`: a `surface_vocabulary` saved from an index of the same kb (bot.cache)."""
        self.kb = kb
        self.engine = engine
        self.min_coverage = min_coverage
        self.min_evidence = min_evidence
        self._unknown_weight = math.log(1 + 2 * max(engine.size, 1))
        self._phrases = self._build_phrases(kb)
        self._surface = (
            self._build_surface_vocabulary(kb, engine.vocabulary) if surface is None else surface
        )

    @property
    def surface_vocabulary(self) -> Mapping[str, Mapping[str, str]]:
        """Typo-correction vocabulary, first letter -> {corpus word: stem}; costly to rebuild."""
        return self._surface

    @classmethod
    def build(
        cls,
        kb: KnowledgeBase,
        *,
        min_coverage: float = MIN_COVERAGE,
        min_evidence: float = MIN_EVIDENCE,
    ) -> SnippetIndex:
        """Tokenize every snippet with its topic and role labels and fit BM25 on them."""
        engine = PostingsBM25.fit(document_tokens(kb))
        return cls(kb, engine, min_coverage=min_coverage, min_evidence=min_evidence)

    # --- construction helpers -------------------------------------------------------------------

    @staticmethod
    def _build_phrases(kb: KnowledgeBase) -> list[_Phrase]:
        phrases: list[_Phrase] = []
        for synonym in kb.synonyms:
            expansion = tuple(tokenize(synonym.source))
            for staff in synonym.staff:
                keys = _phrase_keys(staff)
                if keys:
                    phrases.append(_Phrase(keys, expansion))
        for role in kb.roles.values():
            expansion = tuple(tokenize(role.title))
            for name in role.names:
                # Role names match word for word (aliases list the plurals): stemmed, "peer
                # supporter" would be named by every question about "peer support".
                keys = tuple(words(name))
                if not keys:
                    continue
                phrases.append(_Phrase(keys, expansion, role.id))
                plural = (*keys[:-1], _plural(keys[-1]))  # even if the aliases omit it
                if plural != keys:
                    phrases.append(_Phrase(plural, expansion, role.id))
        # Longest first, so "certified peer specialist" wins over "peer specialist".
        phrases.sort(key=lambda phrase: -len(phrase.keys))
        return phrases

    @staticmethod
    def _build_surface_vocabulary(
        kb: KnowledgeBase, vocabulary: frozenset[str]
    ) -> dict[str, dict[str, str]]:
        """Corpus words by first letter -> {word: stem}, for correcting typos in questions."""
        surface: dict[str, dict[str, str]] = defaultdict(dict)
        for text in _document_texts(kb):
            for word in words(text):
                if word in STOP_WORDS or word[0].isdigit() or len(word) < 4:
                    continue
                stem = stem_word(word)
                if stem in vocabulary:
                    surface[word[0]][word] = stem
        return dict(surface)

    # --- query analysis -------------------------------------------------------------------------

    def _correct(self, word: str) -> str | None:
        """The corpus stem a misspelt word most likely meant, or None."""
        if len(word) < 5:
            return None
        candidates = self._surface.get(word[0], {})
        close = difflib.get_close_matches(word, candidates.keys(), n=1, cutoff=0.85)
        return candidates[close[0]] if close else None

    def _concepts(self, question: str) -> tuple[list[_Concept], list[str], list[str]]:
        """(concepts, query terms for BM25, role ids the question names)."""
        question_words = words(question[:_MAX_QUESTION_CHARS])
        keys = [_key(word) for word in question_words]
        vocabulary = self.engine.postings
        concepts_by_position: dict[int, _Concept] = {}
        concepts: dict[str, _Concept] = {}
        for position, word in enumerate(question_words):
            term = word if word[0].isdigit() else keys[position]
            if word in STOP_WORDS or term in STOP_WORDS:
                continue
            if vocabulary(term) is None and not word[0].isdigit():
                term = self._correct(word) or term
            concept = concepts.setdefault(term, _Concept(term, {frozenset([term])}))
            concepts_by_position[position] = concept
        query_terms = [concept.term for concept in concepts_by_position.values()]
        named_roles: list[str] = []
        covered: set[int] = set()
        for phrase in self._phrases:
            width = len(phrase.keys)
            sequence = question_words if phrase.role_id is not None else keys
            for start in range(len(sequence) - width + 1):
                if tuple(sequence[start : start + width]) != phrase.keys:
                    continue
                span = set(range(start, start + width))
                if phrase.role_id is not None:
                    if span & covered:
                        continue
                    covered |= span
                    if phrase.role_id not in named_roles:
                        named_roles.append(phrase.role_id)
                query_terms.extend(phrase.expansion)
                for position in span:
                    if position in concepts_by_position:
                        concepts_by_position[position].alternatives.add(frozenset(phrase.expansion))
        for concept in concepts.values():
            own = self._weight(concept.term)
            known = [self._weight(term) for alt in concept.alternatives for term in alt]
            concept.weight = own or max(known, default=0.0) or self._unknown_weight
            if concept.term in filler_terms():
                concept.weight = min(concept.weight, self._unknown_weight * FILLER_SHARE)
        return list(concepts.values()), query_terms, named_roles

    def _weight(self, term: str) -> float:
        """Smoothed idf ln(1 + N/df) of a corpus term; 0.0 for a term no snippet has."""
        found = self.engine.postings(term)
        if found is None:
            return 0.0
        return math.log(1 + self.engine.size / found.doc_ids.size)

    # --- search ---------------------------------------------------------------------------------

    def rank(self, question: str, k: int) -> tuple[list[Hit], list[Hit], list[str]]:
        """(hits that may be shown, weaker candidates examined, roles named), best first."""
        concepts, query_terms, named_roles = self._concepts(question)
        if not concepts:
            return [], [], named_roles
        ids, scores = self.engine.candidate_scores(query_terms)
        top = select_top(ids, scores, max(k, 1) * _CANDIDATES_PER_RESULT)
        total_weight = sum(concept.weight for concept in concepts)
        top_ids = np.asarray([doc_id for doc_id, _ in top], dtype=np.int32)
        covered_weight = np.zeros(len(top))
        for concept in concepts:
            present = np.zeros(len(top), dtype=bool)
            for alternative in concept.alternatives:
                has_all = np.ones(len(top), dtype=bool)
                for term in alternative:
                    has_all &= self.engine.contains(term, top_ids)
                present |= has_all
            covered_weight += concept.weight * present
        shown: list[Hit] = []
        examined: list[Hit] = []
        for (doc_id, score), covered in zip(top, covered_weight, strict=True):
            hit = Hit(
                self.kb.snippets[doc_id],
                score,
                covered / total_weight,
                float(covered) / self._unknown_weight,
            )
            examined.append(hit)
            if len(shown) >= k or not self._strong(hit) or self._duplicate(hit, shown):
                continue
            shown.append(hit)
        return shown, examined, named_roles

    def _strong(self, hit: Hit) -> bool:
        return hit.coverage >= self.min_coverage and hit.evidence >= self.min_evidence

    @staticmethod
    def _duplicate(hit: Hit, chosen: Sequence[Hit]) -> bool:
        terms = set(tokenize(hit.snippet.text))
        for other in chosen:
            other_terms = set(tokenize(other.snippet.text))
            union = terms | other_terms
            if union and len(terms & other_terms) / len(union) >= DUPLICATE_JACCARD:
                return True
        return False

    def search(self, question: str, k: int = 3) -> Answer:
        """Answer a question with up to k cited passages, or decline with suggestions."""
        shown, examined, named_roles = self.rank(question, k)
        crisis = mentions_crisis(question)
        if shown:
            results = tuple(Result.from_snippet(self.kb, hit.snippet, hit.score) for hit in shown)
            return Answer(question, True, results, (), crisis)
        return Answer(question, False, (), self.suggest(examined, named_roles), crisis)

    def suggest(
        self, examined: Sequence[Hit], named_roles: Sequence[str]
    ) -> tuple[Suggestion, ...]:
        """Roles and topics near a declined question, so the reader can rephrase."""
        suggestions: list[Suggestion] = [
            Suggestion("role", role_id, self.kb.roles[role_id].title) for role_id in named_roles
        ]
        weights: dict[tuple[str, str], float] = defaultdict(float)
        for hit in examined:
            for topic in hit.snippet.topics:
                weights[("topic", topic)] += hit.evidence
            for role in hit.snippet.roles:
                weights[("role", role)] += hit.evidence / 2
        ranked = sorted(weights.items(), key=lambda item: -item[1])
        for (kind, item_id), _ in ranked:
            if any(s.kind == kind and s.id == item_id for s in suggestions):
                continue
            label = (
                self.kb.topics[item_id].label if kind == "topic" else self.kb.roles[item_id].title
            )
            suggestions.append(Suggestion(kind, item_id, label))
        if len(suggestions) < 3:
            for default in self.kb.topics.values():
                if not any(s.kind == "topic" and s.id == default.id for s in suggestions):
                    suggestions.append(Suggestion("topic", default.id, default.label))
        return tuple(suggestions[:4])


def _document_texts(kb: KnowledgeBase) -> list[str]:
    texts = []
    for snippet in kb.snippets:
        labels = [kb.topics[topic].label for topic in snippet.topics]
        labels += [kb.roles[role].title for role in snippet.roles]
        texts.append(" ".join([snippet.text, *labels]))
    return texts


def document_tokens(kb: KnowledgeBase) -> list[list[str]]:
    """What BM25 indexes for each snippet: its text plus its topic labels and role titles."""
    return [tokenize(text) for text in _document_texts(kb)]
