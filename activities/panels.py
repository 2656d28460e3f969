from wagtail.admin.panels import HelpPanel


class ImportedNoticePanel(HelpPanel):
    """Tells editors that an imported activity is overwritten by the next import; hidden otherwise."""

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return bool(getattr(self.instance, "source_uid", "")) and super().is_shown()
