# value: "ada"
# row: {"n": 3}
def transform(value, row):
    return f"{value.title()} has {row['n']:03d} items, {row['n'] / 7:.2f} per day"
