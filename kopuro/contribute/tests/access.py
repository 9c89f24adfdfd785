"""What the access-control table (kopuro/core/tests/test_access_control.py) needs to fill in
Learn's and Contribute's URLs: a draft resource, an opportunity, an organisation and a request
for expertise that belong to the member the row is about."""

from kopuro.contribute import services
from kopuro.learn import services as learn_services


def placeholders(url: str, subject) -> dict:
    """{name: value} for the placeholders in `url` besides {handle}; made only when used."""
    values = {}
    user = subject.user
    if "{draft}" in url:
        values["draft"] = learn_services.resource_create(
            by=user,
            data={
                "title": "Draft",
                "summary": "S",
                "kind": "guide",
                "external_url": "https://e.org",
            },
        ).slug
    if "{opportunity}" in url:
        values["opportunity"] = services.opportunity_create(
            by=user, data={"title": "O", "kind": "job", "description": "d", "mode": "remote"}
        ).pk
    if "{organisation}" in url:
        values["organisation"] = services.organisation_create(
            by=user, data={"name": "Access Org", "kind": "ngo", "description": "d"}
        ).slug
    return values
