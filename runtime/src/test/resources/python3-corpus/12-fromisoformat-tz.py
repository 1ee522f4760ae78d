# value: "2024-03-10T08:30:00+01:00"
# row: null
from datetime import datetime, timezone, timedelta


def transform(value, row):
    t = datetime.fromisoformat(value).astimezone(timezone.utc)
    return [t.isoformat(), (t + timedelta(days=1)).strftime("%Y-%m-%d %H:%M"), t.weekday()]
