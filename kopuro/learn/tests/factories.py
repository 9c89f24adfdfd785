"""factory_boy factories for Learn (tests and the benchmark generator)."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from kopuro.accounts.models import Term
from kopuro.learn.models import Resource


class ResourceFactory(DjangoModelFactory):
    class Meta:
        model = Resource
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Resource number {n}")
    slug = factory.Sequence(lambda n: f"resource-{n}")
    summary = "A short summary of what the resource holds."
    kind = Resource.Kind.GUIDE
    publisher = "Kopuro editors"
    year = 2024
    external_url = "https://example.org/guide"
    status = Resource.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(Term.objects.filter(vocabulary="expertise", slug__in=extracted))

    @factory.post_generation
    def languages(obj, create, extracted, **kwargs):
        if create:
            obj.languages.set(
                Term.objects.filter(vocabulary="language", slug__in=extracted or ["en"])
            )
