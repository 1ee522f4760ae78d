# value: "2024-10-27T00:30:00+00:00"
# row: null
from datetime import datetime
from zoneinfo import ZoneInfo


def transform(value, row):
    t = datetime.fromisoformat(value)
    return [t.astimezone(ZoneInfo(z)).isoformat() for z in ("Europe/Berlin", "America/New_York", "Asia/Kolkata")]
