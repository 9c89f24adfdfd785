"""Profile addresses made from names in Latin and Cyrillic script, unique per member."""

import pytest

from kopuro.accounts.services import profile_create
from kopuro.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "handle"),
    [
        ("Aida Toktogulova", "aida-toktogulova"),
        ("Айгүл Токтогулова", "aygul-toktogulova"),
        ("Нурлан Шаршенович", "nurlan-sharshenovich"),
        ("Өмүрбек Ңаа", "omurbek-ngaa"),
        ("aida.t_2", "aida-t-2"),
        ("李雷", "member"),
        ("A" * 60, "a" * 30),
    ],
)
def test_handle_from_name(name, handle):
    assert profile_create(user=UserFactory(), display_name=name).handle == handle


def test_same_name_gets_a_number():
    handles = [
        profile_create(user=UserFactory(), display_name="Aida Toktogulova").handle for _ in range(3)
    ]
    assert handles == ["aida-toktogulova", "aida-toktogulova-2", "aida-toktogulova-3"]


def test_profile_create_is_idempotent():
    user = UserFactory()
    first = profile_create(user=user, display_name="One")
    assert profile_create(user=user, display_name="Two") == first
