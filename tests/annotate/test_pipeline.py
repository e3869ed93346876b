"""The trained pipeline in models/en_claims loads from disk and labels news text sensibly."""

from pathlib import Path

import pytest
import spacy

from ingest.annotate.pipeline import load_pipeline
from ingest.annotate.tokenizer import news_tokenizer
from ingest.errors import ModelLoadError

pytestmark = pytest.mark.model


def test_pipeline_labels_issue_2_sentence(nlp):
    doc = nlp("DCF received 456 referrals in 2016.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("456", "CARDINAL") in ents
    assert ("2016", "DATE") in ents
    assert any(e.text == "DCF" and e.label_ in ("ORG", "GPE") for e in doc.ents)
    num = doc[2]
    assert (num.dep_, num.head.text) == ("nummod", "referrals")


def test_saved_tokenizer_splits_an_em_dash_as_the_config_says(nlp):
    # the infixes come from the config's after_creation callback and are saved with the model:
    # the two must agree, or a rebuilt model would tokenize differently from the shipped one
    words = [t.text for t in nlp.tokenizer("rose 5%\u2014the most\u2014$3 billion, NZ$5")]
    assert words[:10] == ["rose", "5", "%", "\u2014", "the", "most", "\u2014", "$", "3", "billion"]
    assert words[-2:] == ["NZ$", "5"]
    assert nlp.config["nlp"]["after_creation"]["@callbacks"] == "ingest.news_tokenizer.v1"
    rebuilt = news_tokenizer()(spacy.blank("en")).tokenizer
    for rule in ("prefix_search", "infix_finditer"):
        assert getattr(nlp.tokenizer, rule).__self__.pattern == (
            getattr(rebuilt, rule).__self__.pattern
        ), f"models/en_claims/tokenizer is out of date with patterns/tokenizer.json ({rule})"


def test_pipeline_missing_path_names_it(tmp_path):
    with pytest.raises(ModelLoadError, match=str(tmp_path / "nowhere")):
        load_pipeline(tmp_path / "nowhere")


def test_pipeline_broken_model_names_path(tmp_path: Path):
    (tmp_path / "config.cfg").write_text("[nlp]\nlang = 'xx_broken'\n")
    with pytest.raises(ModelLoadError, match="ING101"):
        load_pipeline(tmp_path)
