# value: [{"n": "b", "p": 2}, {"n": "a", "p": 2}, {"n": "c", "p": 1}]
# row: null
from operator import itemgetter


def transform(value, row):
    return [d["n"] for d in sorted(value, key=lambda d: (-d["p"], d["n"]))] + [max(value, key=itemgetter("p"))["n"]]
