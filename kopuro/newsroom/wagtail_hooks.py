"""Admin hooks for the newsroom."""

from wagtail import hooks

from kopuro.newsroom.services import newsroom_page_alias


@hooks.register("after_publish_page")
def alias_in_other_languages(request, page):
    """A newsroom page published in one language is reachable in the others at once, as a
    wagtail-localize alias (shown with a "not translated yet" notice) until it is translated."""
    if page._meta.app_label == "newsroom" and not page.alias_of_id:
        newsroom_page_alias(page=page)
