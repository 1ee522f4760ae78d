# value: null
# row: {"id": 7, "tags": ["a", "b"], "price": 9.99, "meta": {"x": null}}
import json


def transform(value, row):
    return [json.dumps(row), json.dumps(row, sort_keys=True, separators=(",", ":")), json.loads(json.dumps(row)) == row]
