# Turns one CSV line into a JSON object. Runs in Jython 2.7 with Python 3 semantics for division,
# print and string literals. Module-level code runs once per pipeline instance, not per record.
import csv

COLUMNS = ["sensor", "at", "celsius", "status"]


def transform(record):
    line = record["value"]
    if line.startswith("sensor,"):
        return None  # the header line: drop it
    fields = next(csv.reader([line]))
    if len(fields) != len(COLUMNS):
        raise ValueError("expected %d columns, got %d" % (len(COLUMNS), len(fields)))
    row = dict(zip(COLUMNS, fields))
    record["value"] = {
        "sensor": row["sensor"],
        "at": row["at"],
        "celsius": float(row["celsius"]),
        "ok": row["status"] == "ok",
    }
    return record
