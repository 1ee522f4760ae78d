# value: [1, 2, 3, 4]
# row: null
def transform(value, row):
    count = 0

    def bump(n):
        nonlocal count
        count += n

    for v in value:
        bump(v)
    return count
