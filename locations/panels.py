from wagtail.admin.panels import Panel


class CalendarImportStatusPanel(Panel):
    """How the last import of the partner calendar went: its time, what changed, or the error."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "locations/panels/calendar_import_status.html"

        def get_context_data(self, parent_context=None):
            from activities.models import CalendarImport

            context = super().get_context_data(parent_context)
            instance = self.instance
            context["status"] = (
                CalendarImport.objects.filter(location_id=instance.pk).first() if instance.pk else None
            )
            return context
