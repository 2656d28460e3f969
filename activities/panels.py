from wagtail.admin.panels import HelpPanel


class ImportedNoticePanel(HelpPanel):
    """Tells editors that an imported activity is overwritten by the next import; hidden otherwise."""

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return bool(getattr(self.instance, "source_uid", "")) and super().is_shown()


class BookedNoticePanel(HelpPanel):
    """Tells editors that a consultation hour published from a room booking follows the booking."""

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return bool(getattr(self.instance, "booking_series_id", None)) and super().is_shown()
