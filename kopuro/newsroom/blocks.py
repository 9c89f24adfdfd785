"""StreamField blocks shared by every newsroom page: the body of a press release, a statement, an
event, a vacancy or a content page is built from the same small set.

Each block renders through its own template in templates/newsroom/blocks/ (Wagtail's
`{% include_block %}`), so every page type shows a quote or a download the same way.
See https://docs.wagtail.org/en/stable/topics/streamfield.html
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"), help_text=_("The words, without quote marks."))
    attribution = blocks.CharBlock(
        label=_("attribution"), max_length=120, help_text=_("Who said it, e.g. 'Colman Lydon'.")
    )
    role = blocks.CharBlock(
        label=_("role"),
        required=False,
        max_length=200,
        help_text=_("Their position and organisation, e.g. 'member of the Advisory Board'."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "newsroom/blocks/quote.html"


class ListBlock(blocks.StructBlock):
    items = blocks.ListBlock(
        blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("item")),
        label=_("items"),
    )
    numbered = blocks.BooleanBlock(
        label=_("numbered"), required=False, help_text=_("Number the items (1, 2, 3…).")
    )

    class Meta:
        icon = "list-ul"
        label = _("List")
        template = "newsroom/blocks/list.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("text alternative"),
        required=False,
        max_length=250,
        help_text=_(
            "What the picture shows, for people who cannot see it. Leave empty only when the "
            "caption already says it."
        ),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)
    credit = blocks.CharBlock(
        label=_("credit"),
        required=False,
        max_length=120,
        help_text=_("Photographer or source, e.g. '© IOM / A. Photographer'."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "newsroom/blocks/image.html"


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("link text"), max_length=200)
    page = blocks.PageChooserBlock(
        label=_("page on this site"),
        required=False,
        help_text=_("Choose a page here, or give an address below."),
    )
    url = blocks.URLBlock(label=_("address"), required=False)
    description = blocks.CharBlock(label=_("description"), required=False, max_length=300)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "newsroom/blocks/link.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose a page or give an address (one of the two)."))
                }
            )
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"),
        required=False,
        max_length=200,
        help_text=_(
            "Shown instead of the document's own title, e.g. 'Section IV. Terms of Reference'."
        ),
    )
    description = blocks.CharBlock(label=_("description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "newsroom/blocks/document.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Paragraphs"),
        template="newsroom/blocks/paragraph.html",
    )
    heading = blocks.CharBlock(
        max_length=120, label=_("Heading"), icon="title", template="newsroom/blocks/heading.html"
    )
    quote = QuoteBlock()
    list = ListBlock()
    image = ImageBlock()
    link = LinkBlock()
    document = DocumentBlock()

    class Meta:
        label = _("Body")


class PersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=120)
    role = blocks.CharBlock(
        label=_("role and organisation"),
        required=False,
        max_length=250,
        help_text=_("e.g. 'Associate Professor, American University of Central Asia'."),
    )
    topic = blocks.TextBlock(
        label=_("topic"), required=False, help_text=_("What they spoke about, in a sentence.")
    )

    class Meta:
        icon = "user"
        label = _("Person")


class OrganisationBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=200)
    url = blocks.URLBlock(label=_("website"), required=False)

    class Meta:
        icon = "group"
        label = _("Organisation")


class PhotoBlock(ImageBlock):
    class Meta:
        icon = "image"
        label = _("Photo")


class WinnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=120)
    note = blocks.CharBlock(
        label=_("note"), required=False, max_length=200, help_text=_("e.g. country or place.")
    )

    class Meta:
        icon = "user"
        label = _("Winner")


class AwardBlock(blocks.StructBlock):
    category = blocks.CharBlock(label=_("category"), max_length=200)
    winners = blocks.ListBlock(WinnerBlock(), label=_("winners"))

    class Meta:
        icon = "pick"
        label = _("Award category")


class LotBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("lot number"), max_length=20, help_text=_("e.g. '1'."))
    title = blocks.CharBlock(label=_("title"), max_length=250)
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Lot")
