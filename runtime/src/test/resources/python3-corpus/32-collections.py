# value: "the quick the lazy the end"
# row: null
from collections import Counter, defaultdict, OrderedDict, deque


def transform(value, row):
    words = value.split()
    groups = defaultdict(list)
    for w in words:
        groups[len(w)].append(w)
    d = deque(words, maxlen=2)
    return [Counter(words).most_common(2), {str(k): v for k, v in groups.items()}, list(d), list(OrderedDict.fromkeys(words))]
