def transform(record):
    # café
    return record
