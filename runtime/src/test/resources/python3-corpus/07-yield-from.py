# value: [[1, 2], [3, [4, 5]]]
# row: null
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def transform(value, row):
    return list(flatten(value))
