# value: [{"type": "click", "x": 1, "y": 2}, {"type": "key", "key": "a"}, {"type": "other"}]
# row: null
def describe(event):
    match event:
        case {"type": "click", "x": x, "y": y}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k)}:
            return f"key {k!r}"
        case _:
            return "unknown"


def transform(value, row):
    return [describe(e) for e in value]
