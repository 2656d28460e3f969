from django.forms import ModelChoiceField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry


class ChoosableImagesPageForm(WagtailAdminPageForm):
    """A page form whose image fields (also in inline panels) accept only images the editor may choose.

    Wagtail's chooser only offers those, but the form would accept any image id;
    staff of one welkomhuis must not be able to publish another's photos.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        image_model = get_image_model()
        allowed = policy_registry.get_by_type(image_model).instances_user_has_permission_for(
            self.for_user, "choose"
        )
        for form in [self, *(child for formset in self.formsets.values() for child in formset.forms)]:
            for field in form.fields.values():
                if isinstance(field, ModelChoiceField) and field.queryset.model is image_model:
                    field.queryset = field.queryset.filter(pk__in=allowed.values("pk"))
