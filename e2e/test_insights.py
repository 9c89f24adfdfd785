"""Insights: a survey answered on a phone in Kyrgyz and in Russian, its results, and the staff
export; the public diaspora map."""

from __future__ import annotations

import csv
import io
import re
import secrets

from playwright.sync_api import expect

from e2e.support.steps import DEMO_PASSWORD, Person, download, heading, log_in_to

EDITOR = Person("Editor", "editor@demo.kopuro.org", DEMO_PASSWORD)
PHONE = {"width": 360, "height": 780}


def test_feedback_answered_in_kyrgyz_on_a_phone_then_results_and_staff_export(new_page, tmp_path):
    word = f"kiosk{secrets.token_hex(3)}"
    phone = new_page(**PHONE)
    phone.goto("/ky/")
    phone.get_by_role("contentinfo").get_by_role("link", name="Пикириңизди айтыңыз").click()
    expect(heading(phone)).to_contain_text("Биз кандай иштеп жатабыз?")

    # Sent with a required answer missing and no consent: refused, what was typed stays.
    phone.get_by_label(re.compile("Эмнени жакшыртышыбыз керек")).fill(f"More about {word}")
    phone.get_by_role("button", name="Жоопторду жөнөтүү").click()
    expect(phone.get_by_text("Жоопторду жөнөтүү үчүн макулдук бериңиз.")).to_be_visible()
    expect(phone.get_by_label(re.compile("Эмнени жакшыртышыбыз керек"))).to_have_value(
        f"More about {word}"
    )

    phone.get_by_role("group", name=re.compile("Платформага канчалык")).get_by_role(
        "radio", name="4", exact=True
    ).check()
    phone.get_by_role("group", name=re.compile("Издегениңизди таптыңызбы")).get_by_role(
        "radio", name="Жарым-жартылай"
    ).check()
    phone.get_by_label(re.compile("макулмун")).check()
    phone.get_by_role("button", name="Жоопторду жөнөтүү").click()
    expect(heading(phone)).to_have_text("Рахмат")

    # The results, k-anonymous, from the thank-you page.
    phone.get_by_role("link", name="Жыйынтыктарды көрүү").click()
    expect(heading(phone)).to_contain_text("Биз кандай иштеп жатабыз?")
    expect(phone.locator(".sv-total")).to_be_visible()
    expect(phone.locator("table").first).to_be_visible()
    expect(phone.get_by_text(word)).to_have_count(0)  # free text is never published
    assert phone.get_by_role("link", name=re.compile("CSV")).count() == 0  # staff only

    # Staff download every response; the phone's answer is in the CSV.
    staff = new_page()
    log_in_to(staff, EDITOR, "/en/surveys/platform-feedback/results/")
    name, body = download(staff, staff.get_by_role("link", name=re.compile(r"\(CSV\)")), tmp_path)
    assert name.startswith("platform-feedback-") and name.endswith(".csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert any(f"More about {word}" in cell for row in rows[1:] for cell in row)
    name, body = download(staff, staff.get_by_role("link", name=re.compile(r"\(XLSX\)")), tmp_path)
    assert name.endswith(".xlsx") and body[:2] == b"PK"  # a zip: an Office Open XML workbook


def test_mapping_survey_in_russian_on_a_phone_refuses_a_year_out_of_range(new_page):
    phone = new_page(**PHONE)
    phone.goto("/ru/surveys/diaspora-mapping/")
    expect(heading(phone)).to_contain_text("Карта диаспоры")
    phone.get_by_label(re.compile("В какой стране вы живёте")).select_option(label="Турция")
    phone.get_by_role("group", name=re.compile("Ваше основное занятие")).get_by_role(
        "radio", name="Работаю по найму"
    ).check()
    phone.get_by_role("group", name=re.compile("участвовать в развитии родины")).get_by_role(
        "radio", name="Возможно, позже"
    ).check()
    since = phone.get_by_label(re.compile("С какого года"))
    since.fill("1700")
    phone.get_by_label(re.compile("^Я согласен")).check()
    phone.get_by_role("button", name="Отправить ответы").click()
    expect(since).to_have_value("1700")
    expect(phone.locator(".field__errors").first).to_be_visible()
    since.fill("2019")
    phone.get_by_label(re.compile("^Я согласен")).check()
    phone.get_by_role("button", name="Отправить ответы").click()
    expect(heading(phone)).to_have_text("Спасибо")


def test_the_public_diaspora_map_is_a_table_without_javascript(new_page):
    page = new_page(javascript=False, **PHONE)
    page.goto("/ru/insights/")
    expect(heading(page)).to_be_visible()
    expect(page.locator("table").first).to_be_visible()
    expect(
        page.get_by_text(re.compile("меньше 5|менее 5|fewer than 5", re.I)).first
    ).to_be_visible()
