"""Site search over the newsroom: every kind of page, the reader's language first."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from kopuro.newsroom import selectors


@require_GET
def search(request):
    query = selectors.SearchQuery.from_query(request.GET)
    results = selectors.newsroom_search(query=query) if query.text else None
    page_obj = None
    if results is not None:
        from django.core.paginator import Paginator

        page_obj = Paginator(results, 10).get_page(request.GET.get("page"))
        page_obj.object_list = selectors.search_hits(
            pages=list(page_obj.object_list), terms=query.terms
        )
    return render(
        request,
        "newsroom/search.html",
        {"query": query, "page_obj": page_obj, "types": selectors.SEARCH_TYPES},
    )
