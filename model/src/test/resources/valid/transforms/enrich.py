def transform(record):
    record["value"]["region"] = "eu"
    return record
