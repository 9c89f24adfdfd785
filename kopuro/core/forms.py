"""Wagtail's image and document forms with Kopuro's upload policy (kopuro.core.uploads).

Settings point Wagtail at these bases (WAGTAILIMAGES_IMAGE_FORM_BASE,
WAGTAILDOCS_DOCUMENT_FORM_BASE), so the admin's single and multiple uploaders and the choosers'
upload tabs apply the same checks as members' uploads: type by content, size, pixel limit,
documents by an allow-list. https://docs.wagtail.org/en/stable/reference/settings.html#images
"""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from kopuro.core.uploads import check_document, check_image


class PolicyWagtailImageField(WagtailImageField):
    """Wagtail's image field with the policy's checks *before* Wagtail's own.

    Works around an upstream gap: to measure an upload Wagtail decodes all of its pixels
    (WagtailImageField.check_image_pixel_size -> Willow -> Pillow `load()`), so a corrupt or
    truncated image raises OSError, a 500, and an image under Pillow's own bomb threshold is
    decoded before Wagtail's pixel limit refuses it (wagtail/wagtail#1354, wagtail/Willow#48).
    The policy reads the header first and decodes only what it has accepted. Delete this class
    (keep the form's clean_file) once Wagtail turns a broken image into a form error.
    """

    def to_python(self, data):
        f = forms.FileField.to_python(self, data)
        if f is not None:
            check_image(f)
        return super().to_python(data)


class PolicyImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The field comes from Wagtail's formfield callback, which a base form cannot replace,
        # so the instance is given the subclass above (same state, one method more).
        field = self.fields.get("file")
        if type(field) is WagtailImageField:
            field.__class__ = PolicyWagtailImageField

    def clean_file(self):
        f = self.cleaned_data.get("file")
        if isinstance(f, UploadedFile):  # a new upload; an unchanged file was checked before
            check_image(f)
        return f


class PolicyDocumentForm(BaseDocumentForm):
    def clean_file(self):
        f = self.cleaned_data.get("file")
        if isinstance(f, UploadedFile):
            check_document(f)
        return f

    def _post_clean(self):
        """Keep one clear message when the file is refused.

        Works around Wagtail's Document.clean(), which checks the extension of the file the
        instance holds even after the form refused the upload: it holds none, and the member
        read a second, baffling 'File extension "" is not allowed.' under ours.
        """
        refused = list(self.errors.get("file", []))
        super()._post_clean()
        if refused:
            self._errors["file"] = self.error_class(refused)
