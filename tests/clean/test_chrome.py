"""Each named chrome rule recognises its own examples; chrome is short."""

import pytest

from ingest.clean.chrome import RULES, WIDGET_MAX_WORDS, widget_kind

EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.name}:{example[:30]}")
    for rule in RULES
    for example in rule.examples
]


def test_every_rule_has_a_name_a_reason_and_an_example():
    names = [r.name for r in RULES]
    assert len(set(names)) == len(names)
    assert all(r.why and r.examples for r in RULES)


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_rule_recognises_its_example(rule, example):
    assert rule.matches(example, None)
    assert widget_kind(example) == rule.kind


@pytest.mark.parametrize(
    "paragraph",
    [
        # real pages' article paragraphs that name cookies, a reporter or an app store
        "While they may not solve the problem, there are some technical steps people can take to "
        "limit tracking: block third-party cookies, clear them often, and read the privacy "
        "policy of every service you agree to use, because the consent you give is broad. "
        + "Companies that collect this data rarely tell you where it goes next. "
        * 4,
        "Dunkirk is currently streaming on HBO Go and HBO Now, and available to digitally rent "
        "on Google Play, iTunes and Amazon, the studio said in a statement on Monday.",
    ],
)
def test_article_paragraphs_are_not_chrome(paragraph):
    assert widget_kind(paragraph) is None


def test_a_line_longer_than_any_chrome_is_article_text():
    appeal = "Become a sustaining member of our newsroom, powered by you."
    assert widget_kind(appeal) == "donation"
    padded = appeal + " It keeps reporters at city hall and in court every day." * 6
    assert len(padded.split()) > WIDGET_MAX_WORDS
    assert widget_kind(padded) is None


@pytest.mark.parametrize(
    "line",
    [
        # code samples from real technical pages (ietf-1, 002, toc-missing)
        '"@context": "http://remotestorage.io/spec/folder-description", "items": {',
        'var res = Response.error(); try { res.headers.set("Origin", "http://mybank.com"); }',
        "-- period > '2020-08-01 17:00 UTC'::timestamptz",
        "* 'https://example.com:8080' (host and port)",
    ],
)
def test_code_samples_are_not_chrome(line):
    assert widget_kind(line) is None


def test_a_sentence_naming_an_app_store_is_news_and_a_badge_is_a_promo():
    sentence = (
        "Faces Places is currently streaming on Netflix and available to rent on Google Play."
    )
    assert widget_kind(sentence) is None
    assert widget_kind("Get it on Google Play") == "app"
