package io.datapipelines.model;

import io.datapipelines.model.yaml.ListNode;
import io.datapipelines.model.yaml.MapNode;
import io.datapipelines.model.yaml.SourceNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.datapipelines.model.NodeReader.child;

/** Reads {@code spec.tests}: named cases of input records, expected sink records and dead letters. */
final class TestsReader {
    private final NodeReader reader;
    private final Source source;
    private final Sink sink;

    TestsReader(NodeReader reader, Source source, Sink sink) {
        this.reader = reader;
        this.source = source;
        this.sink = sink;
    }

    List<PipelineTest> read(ListNode list) {
        List<PipelineTest> tests = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = NodeReader.index("spec.tests", i);
            MapNode map = reader.map(list.items().get(i), path);
            if (map == null) {
                continue;
            }
            reader.checkKeys(map, path, Set.of("name", "input", "expect", "deadLetters"));
            String name = reader.string(map, "name", path, true);
            if (name != null && !names.add(name)) {
                reader.report(map.get("name").location(), child(path, "name"), "another test is already named '" + name + "'");
            }
            List<TestRecord> input = records(map, "input", path, true);
            List<TestRecord> expect = records(map, "expect", path, false);
            Long deadLetters = reader.integer(map, "deadLetters", path, 0, Integer.MAX_VALUE);
            if (name != null && input != null && expect != null) {
                tests.add(new PipelineTest(name, input, expect, deadLetters == null ? 0 : deadLetters.intValue(), map.location()));
            }
        }
        return tests;
    }

    private List<TestRecord> records(MapNode test, String key, String testPath, boolean isInput) {
        String path = child(testPath, key);
        SourceNode node = reader.required(test, key, testPath);
        ListNode list = node == null ? null : reader.list(node, path);
        if (list == null) {
            return null;
        }
        List<TestRecord> records = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.items().size(); i++) {
            TestRecord record = record(list.items().get(i), NodeReader.index(path, i), isInput);
            ok &= record != null;
            records.add(record);
        }
        return ok ? records : null;
    }

    private TestRecord record(SourceNode node, String path, boolean isInput) {
        MapNode map = reader.map(node, path);
        if (map == null) {
            return null;
        }
        reader.checkKeys(map, path, isInput ? Set.of("key", "value", "valueRaw", "headers", "timestamp") : Set.of("key", "value", "headers"));
        boolean ok = true;
        SourceNode valueNode = map.get("value");
        String valueRaw = null;
        if (map.get("valueRaw") != null) {
            valueRaw = reader.string(map.get("valueRaw"), child(path, "valueRaw"));
            ok &= valueRaw != null;
            if (valueNode != null) {
                reader.report(map.get("valueRaw").location(), child(path, "valueRaw"), "give either 'value' or 'valueRaw', not both");
                ok = false;
            }
        }
        DataFormat format = isInput ? (source == null ? null : source.format()) : (sink == null ? null : sink.format());
        if (format == DataFormat.STRING && valueNode != null && valueNode.toPlain() != null && !(valueNode.toPlain() instanceof String)) {
            reader.report(valueNode.location(), child(path, "value"), "must be a string: the " + (isInput ? "source" : "sink")
                    + " format is 'string'");
            ok = false;
        }
        DataFormat keyFormat = isInput ? (source == null ? null : source.keyFormat()) : (sink == null ? null : sink.keyFormat());
        SourceNode keyNode = map.get("key");
        if (keyFormat == DataFormat.STRING && keyNode != null && keyNode.toPlain() != null && !(keyNode.toPlain() instanceof String)) {
            reader.report(keyNode.location(), child(path, "key"), "must be a string (or quoted): the " + (isInput ? "source" : "sink")
                    + " keyFormat is 'string'");
            ok = false;
        }
        Map<String, String> headers = null;
        if (map.get("headers") != null) {
            headers = new LinkedHashMap<>();
            MapNode headerMap = reader.map(map.get("headers"), child(path, "headers"));
            ok &= headerMap != null;
            if (headerMap != null) {
                for (MapNode.Entry e : headerMap.entries()) {
                    String value = reader.string(e.value(), child(child(path, "headers"), e.key()));
                    ok &= value != null;
                    headers.put(e.key(), value);
                }
            }
        }
        Long timestamp = reader.integer(map, "timestamp", path, 0, Long.MAX_VALUE);
        if (!ok) {
            return null;
        }
        return new TestRecord(keyNode != null, keyNode == null ? null : keyNode.toPlain(),
                valueNode == null ? null : valueNode.toPlain(), valueRaw, headers, timestamp);
    }
}
