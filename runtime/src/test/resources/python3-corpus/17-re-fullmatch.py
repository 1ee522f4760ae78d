# value: ["AB-1234", "ab-1234", "AB-12345"]
# row: null
import re

PATTERN = re.compile(r"[A-Z]{2}-\d{4}")


def transform(value, row):
    return [bool(PATTERN.fullmatch(v)) for v in value]
