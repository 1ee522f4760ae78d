package io.datapipelines.model.yaml;

import io.datapipelines.model.Location;

import java.util.ArrayList;
import java.util.List;

/** A sequence. */
public record ListNode(Location location, List<SourceNode> items) implements SourceNode {

    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public Object toPlain() {
        List<Object> list = new ArrayList<>(items.size());
        for (SourceNode item : items) {
            list.add(item.toPlain());
        }
        return list;
    }

    @Override
    public String describe() {
        return "a list";
    }
}
