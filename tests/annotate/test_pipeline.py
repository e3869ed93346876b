"""The trained pipeline in models/en_claims loads from disk and labels news text sensibly."""

from pathlib import Path

import pytest

from ingest.annotate.pipeline import load_pipeline
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


def test_pipeline_missing_path_names_it(tmp_path):
    with pytest.raises(ModelLoadError, match=str(tmp_path / "nowhere")):
        load_pipeline(tmp_path / "nowhere")


def test_pipeline_broken_model_names_path(tmp_path: Path):
    (tmp_path / "config.cfg").write_text("[nlp]\nlang = 'xx_broken'\n")
    with pytest.raises(ModelLoadError, match="ING101"):
        load_pipeline(tmp_path)
