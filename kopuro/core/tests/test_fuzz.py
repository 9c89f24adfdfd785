"""Every form, fuzzed: random text, unicode (right-to-left, emoji, NUL, zero-width), very long
strings and huge numbers in every field, POSTed through the test client. Never a 500: the page
comes back re-rendered with its errors (200) or the form succeeded and redirects (302).

The test client re-raises any exception a view lets escape, so a would-be 500 fails the test
with its traceback and the falsifying example. Run on PostgreSQL too (it refuses NUL in text).

A new form gets one `FormSpec` line in `FORMS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from django import forms as django_forms
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kopuro.accounts.forms import ProfileForm
from kopuro.accounts.tests.factories import ProfileFactory

SPECIAL = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\u202egnp.exe",  # right-to-left override
    "مرحبا بالعالم",  # Arabic, right to left
    "שלום עולם",  # Hebrew
    "Кыргызстан",
    "🇰🇬👩🏽‍💻🔥",
    "\ufeff\u200b\u200d",  # BOM, zero-width space and joiner
    "<script>alert(1)</script>",
    "' OR '1'='1' --",
    "%00%n%s{0}{{x}}",
    "../../etc/passwd",
    "9" * 400,
    "-1",
    "1e309",
    "NaN",
    "private",
    "public",
    "KG",
    "https://example.org/",
    "javascript:alert(1)",
    "a@b.co",
    "x" * 300 + "@example.org",
]
ANY_TEXT = st.text(max_size=200)  # all of unicode but lone surrogates (not encodable)
LONG_TEXT = st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=8), st.integers(300, 5000))
HUGE_NUMBERS = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats().map(repr),
)
VALUE = st.one_of(st.sampled_from(SPECIAL), ANY_TEXT, LONG_TEXT, HUGE_NUMBERS)


@dataclass(frozen=True)
class FormSpec:
    name: str
    url: str
    fields: tuple[str, ...]
    signed_in: bool = True
    many: tuple[str, ...] = ()  # fields that take several values (checkboxes)
    fixed: dict = field(default_factory=dict)  # keys always sent (e.g. the submit button)
    text: bool = True  # has a free-text field (choice-only forms answer "select a valid choice")


PROFILE_FIELDS = tuple(ProfileForm.base_fields)
PROFILE_MANY = tuple(
    name
    for name, f in ProfileForm.base_fields.items()
    if isinstance(f, django_forms.MultipleChoiceField | django_forms.ModelMultipleChoiceField)
)

FORMS = [
    FormSpec(
        "sign-up",
        "/en/accounts/signup/",
        ("display_name", "email", "password1", "password2", "accept_terms"),
        signed_in=False,
    ),
    FormSpec("login", "/en/accounts/login/", ("login", "password", "remember"), signed_in=False),
    FormSpec("password-reset", "/en/accounts/password/reset/", ("email",), signed_in=False),
    FormSpec("profile-edit", "/en/me/profile/", PROFILE_FIELDS, many=PROFILE_MANY),
    *[
        FormSpec(
            f"onboarding-step-{n}",
            f"/en/me/welcome/?step={n}",
            PROFILE_FIELDS,
            many=PROFILE_MANY,
            text=n != 4,  # step 4: the directory and photo choices only
        )
        for n in (1, 2, 3, 4)
    ],
    FormSpec(
        "onboarding-photo-without-file",
        "/en/me/welcome/?step=5",
        ("photo_visibility",),
        text=False,
    ),
    FormSpec("photo-without-file", "/en/me/photo/", ("photo_visibility", "photo"), text=False),
    FormSpec("delete-account", "/en/me/delete/", ("confirm_email",)),
    FormSpec(
        "password-change",
        "/en/accounts/password/change/",
        ("oldpassword", "password1", "password2"),
    ),
    FormSpec("add-email", "/en/accounts/email/", ("email",), fixed={"action_add": ""}),
]


def form_data(spec: FormSpec):
    optional = {
        name: st.lists(VALUE, max_size=4) if name in spec.many else VALUE for name in spec.fields
    }
    fixed = {name: st.just(value) for name, value in spec.fixed.items()}
    return st.fixed_dictionaries(fixed, optional=optional)


FUZZ = settings(
    max_examples=25,
    deadline=None,
    database=None,  # no .hypothesis/ directory in the repository; failures print the example
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("spec", FORMS, ids=[s.name for s in FORMS])
def test_form_never_answers_500(client, site, spec: FormSpec):
    if spec.signed_in:
        client.force_login(ProfileFactory().user)

    @FUZZ
    @given(data=form_data(spec))
    def post(data):
        cache.clear()  # allauth's rate limits count in the cache; we test the forms, not them
        response = client.post(spec.url, data)
        assert response.status_code in (200, 302), response.status_code

    post()


@FUZZ
@given(step=VALUE)
def test_onboarding_step_parameter_never_answers_500(client, site, step):
    client.force_login(ProfileFactory().user)
    response = client.get(f"/en/me/welcome/?step={quote(step)}")
    assert response.status_code == 200


@pytest.mark.parametrize("spec", FORMS, ids=[s.name for s in FORMS])
def test_a_nul_byte_in_every_field_is_refused_not_a_500(client, site, spec: FormSpec):
    """PostgreSQL refuses NUL in text; random examples may miss it, so every field gets one."""
    if spec.signed_in:
        client.force_login(ProfileFactory().user)
    nul = "nul\x00here"
    data = {name: [nul] if name in spec.many else nul for name in spec.fields}
    response = client.post(spec.url, {**data, **spec.fixed})
    assert response.status_code in (200, 302)
    if response.status_code == 200 and spec.text:
        assert "Null characters are not allowed." in response.content.decode()


@pytest.mark.parametrize("number", [2**63, -(2**63) - 1, 10**400])
def test_a_huge_number_for_a_choice_of_rows_is_refused_not_a_500(client, site, number):
    """Found by the fuzz test: SQLite overflowed on `seeks=9999…` (Django ticket #27397)."""
    client.force_login(ProfileFactory().user)
    response = client.post(
        "/en/me/profile/",
        {"display_name": "Aida", **{name: [str(number)] for name in PROFILE_MANY}},
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()


@pytest.mark.django_db
def test_every_choice_of_rows_in_kopuro_forms_refuses_a_huge_key():
    """Django sends a multiple choice's keys to the database as they come (its `__in` lookup
    has no range guard, ticket #27397): every such field in kopuro must refuse a key beyond
    64 bits itself, as a form error."""
    import importlib
    import pkgutil

    from django.core.exceptions import ValidationError

    import kopuro

    checked = []
    for info in pkgutil.walk_packages(kopuro.__path__, "kopuro."):
        if not info.name.endswith(".forms"):
            continue
        module = importlib.import_module(info.name)
        for form in vars(module).values():
            if not (isinstance(form, type) and issubclass(form, django_forms.BaseForm)):
                continue
            for name, f in form.base_fields.items():
                if isinstance(f, django_forms.ModelMultipleChoiceField):
                    checked.append(f"{form.__name__}.{name}")
                    with pytest.raises(ValidationError):
                        f.clean([str(10**30)])
    assert "ProfileForm.seeks" in checked
