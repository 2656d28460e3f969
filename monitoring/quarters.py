"""Calendar quarters in Europe/Amsterdam: the city reports per quarter."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from activities.schedule import AMSTERDAM


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1-4

    @classmethod
    def of(cls, day):
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def current(cls, now=None):
        return cls.of(timezone.localdate(now or timezone.now()))

    @classmethod
    def parse(cls, text):
        """'2026-3' or '2026-Q3'; None for anything else."""
        try:
            year, number = str(text).upper().replace("Q", "").split("-")
            quarter = cls(int(year), int(number))
        except ValueError:
            return None
        return quarter if 1 <= quarter.number <= 4 and 2000 <= quarter.year <= 2100 else None

    def __str__(self):
        return f"{self.year}-Q{self.number}"

    @property
    def slug(self):
        return f"{self.year}-{self.number}"

    @property
    def first_day(self):
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def next(self):
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    @property
    def previous(self):
        return Quarter(self.year - (self.number == 1), (self.number - 2) % 4 + 1)

    def back(self, n):
        quarter = self
        for _ in range(n):
            quarter = quarter.previous
        return quarter

    @property
    def days(self):
        day, end = self.first_day, self.next.first_day
        while day < end:
            yield day
            day += timedelta(days=1)

    @property
    def start(self):
        return datetime.combine(self.first_day, time(0), tzinfo=AMSTERDAM)

    @property
    def end(self):
        return self.next.start

    def is_closed(self, now=None):
        return self.end <= (now or timezone.now())
