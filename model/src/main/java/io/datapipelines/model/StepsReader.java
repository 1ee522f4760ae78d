package io.datapipelines.model;

import io.datapipelines.model.builtin.BuiltinCatalogue;
import io.datapipelines.model.builtin.BuiltinSpec;
import io.datapipelines.model.builtin.Role;
import io.datapipelines.model.builtin.StepKind;
import io.datapipelines.model.yaml.ListNode;
import io.datapipelines.model.yaml.MapNode;
import io.datapipelines.model.yaml.ScalarNode;
import io.datapipelines.model.yaml.SourceNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.datapipelines.model.NodeReader.child;

/** Reads {@code spec.steps}: step kinds, built-in keys and their config, and Python code. */
final class StepsReader {
    private final NodeReader reader;
    private final PythonChecker pythonChecker;
    private final PythonEngineKind engine;
    private final Path baseDir;

    StepsReader(NodeReader reader, PythonChecker pythonChecker, PythonEngineKind engine, Path baseDir) {
        this.engine = engine;
        this.reader = reader;
        this.pythonChecker = pythonChecker;
        this.baseDir = baseDir;
    }

    List<Step> read(ListNode list) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Step step = readStep(list.items().get(i), NodeReader.index("spec.steps", i));
            if (step != null) {
                steps.add(step);
            }
        }
        return steps;
    }

    private Step readStep(SourceNode node, String path) {
        MapNode map = reader.map(node, path);
        if (map == null) {
            return null;
        }
        SourceNode kindNode = reader.required(map, "kind", path);
        String kind = kindNode == null ? null : reader.string(kindNode, child(path, "kind"));
        if (kind == null) {
            return null;
        }
        String name = reader.string(map, "name", path, false);
        if (kind.equals(StepKind.FIELD.yamlName())) {
            reader.checkKeys(map, path, Set.of("kind", "name", "fields"));
            return readFieldStep(map, path, name);
        } else if (kind.equals(StepKind.RECORD.yamlName())) {
            reader.checkKeys(map, path, Set.of("kind", "name", "filter", "transform"));
            FunctionRef filter = map.get("filter") == null ? null
                    : readFunction(map.get("filter"), child(path, "filter"), StepKind.RECORD, Role.FILTER);
            FunctionRef transform = map.get("transform") == null ? null
                    : readFunction(map.get("transform"), child(path, "transform"), StepKind.RECORD, Role.TRANSFORM);
            return new RecordStep(name, filter, transform, map.location());
        }
        reader.report(kindNode.location(), child(path, "kind"), "must be 'Field' or 'Record' (exactly), not '" + kind + "'");
        return null;
    }

    private FieldStep readFieldStep(MapNode map, String path, String name) {
        SourceNode fieldsNode = reader.required(map, "fields", path);
        MapNode fields = fieldsNode == null ? null : reader.map(fieldsNode, child(path, "fields"));
        if (fields == null) {
            return null;
        }
        String fieldsPath = child(path, "fields");
        if (fields.entries().isEmpty()) {
            reader.report(fields.location(), fieldsPath, "must name at least one field");
        }
        Map<String, FieldEntry> entries = new LinkedHashMap<>();
        for (MapNode.Entry e : fields.entries()) {
            String entryPath = child(fieldsPath, e.key());
            MapNode entry = reader.map(e.value(), entryPath);
            if (entry == null) {
                continue;
            }
            reader.checkKeys(entry, entryPath, Set.of("filter", "transform"));
            if (entry.get("filter") == null && entry.get("transform") == null) {
                // A misspelt key has been reported already; saying that nothing is set would repeat it.
                if (entry.entries().isEmpty()) {
                    reader.report(entry.location(), entryPath, "needs a 'filter', a 'transform' or both");
                }
                continue;
            }
            FunctionRef filter = entry.get("filter") == null ? null
                    : readFunction(entry.get("filter"), child(entryPath, "filter"), StepKind.FIELD, Role.FILTER);
            FunctionRef transform = entry.get("transform") == null ? null
                    : readFunction(entry.get("transform"), child(entryPath, "transform"), StepKind.FIELD, Role.TRANSFORM);
            entries.putIfAbsent(e.key(), new FieldEntry(filter, transform));
        }
        return new FieldStep(name, entries, map.location());
    }

    private FunctionRef readFunction(SourceNode node, String path, StepKind kind, Role role) {
        MapNode map = reader.map(node, path);
        if (map == null) {
            return null;
        }
        reader.checkKeys(map, path, Set.of("key", "config"));
        String key = reader.string(map, "key", path, true);
        if (key == null) {
            return null;
        }
        String what = role == Role.FILTER ? "filter" : "transform";
        BuiltinSpec spec = BuiltinCatalogue.find(key).orElse(null);
        SourceNode keyNode = map.get("key");
        if (spec == null) {
            Set<String> candidates = new TreeSet<>();
            for (BuiltinSpec s : BuiltinCatalogue.all()) {
                if (s.kind() == kind && s.role() == role) {
                    candidates.add(s.key());
                }
            }
            reader.report(keyNode.location(), child(path, "key"), "unknown " + what + " '" + key + "'" + NodeReader.suggestion(key, candidates));
            return null;
        }
        if (spec.role() != role) {
            reader.report(keyNode.location(), child(path, "key"), "'" + key + "' is a " + roleName(spec.role()) + ", not a " + what
                    + "; put it under '" + roleName(spec.role()) + "'");
            return null;
        }
        if (spec.kind() != kind) {
            reader.report(keyNode.location(), child(path, "key"), "'" + key + "' works on " + (spec.kind() == StepKind.FIELD ? "fields" : "whole records")
                    + ", so it belongs in a step of kind " + spec.kind().yamlName() + ", not " + kind.yamlName());
            return null;
        }
        Map<String, Object> config = new LinkedHashMap<>();
        Map<String, SourceNode> configNodes = new LinkedHashMap<>();
        SourceNode configNode = map.get("config");
        String configPath = child(path, "config");
        MapNode configMap = null;
        if (configNode != null) {
            configMap = reader.map(configNode, configPath);
            if (configMap == null) {
                return null;
            }
            Set<String> allowed = new LinkedHashSet<>(spec.parameters());
            if (spec.isPython()) {
                allowed.add("file");
            }
            reader.checkKeys(configMap, configPath, allowed);
            for (MapNode.Entry e : configMap.entries()) {
                if (allowed.contains(e.key())) {
                    config.put(e.key(), e.value().toPlain());
                    configNodes.put(e.key(), e.value());
                }
            }
        }
        Location codeLocation = null;
        if (spec.isPython()) {
            codeLocation = readCode(config, configNodes, configPath);
            if (config.containsKey("code") && codeLocation == null) {
                return null;
            }
        } else {
            int before = reader.problems().size();
            MapNode finalConfigMap = configMap;
            spec.check().check(config, (parameter, message) -> {
                SourceNode at = parameter == null ? null : configNodes.get(parameter);
                Location location = at != null ? at.location() : finalConfigMap != null ? finalConfigMap.location() : map.location();
                reader.report(location, parameter == null ? configPath : child(configPath, parameter), message);
            });
            if (reader.problems().size() > before) {
                return null;
            }
        }
        return new FunctionRef(key, config, path, map.location(), codeLocation);
    }

    /**
     * Python: {@code code} or {@code file} (read now, relative to the definition, and put into
     * {@code code}), then compiled by the checker. Returns where the code's first line is.
     */
    private Location readCode(Map<String, Object> config, Map<String, SourceNode> nodes, String configPath) {
        SourceNode codeNode = nodes.get("code");
        SourceNode fileNode = nodes.get("file");
        if (codeNode != null && fileNode != null) {
            reader.report(fileNode.location(), child(configPath, "file"), "give either 'code' or 'file', not both");
            config.remove("code");
            return null;
        }
        String code;
        Location codeLocation;
        String codePath;
        if (fileNode != null) {
            codePath = child(configPath, "file");
            String file = reader.string(fileNode, codePath);
            config.remove("file");
            if (file == null) {
                return null;
            }
            if (baseDir == null) {
                reader.report(fileNode.location(), codePath, "'file' can only be used in a definition read from a file; use 'code'");
                return null;
            }
            try {
                code = TextFile.read(CodeFiles.resolve(baseDir, file), file);
            } catch (CodeFiles.OutsideException e) {
                reader.report(fileNode.location(), codePath, "cannot read Python file '" + file + "': " + e.getMessage());
                return null;
            } catch (TextFile.UnusableFileException e) {
                if (e.location().line() > 1 || e.location().column() > 1) { // a place inside the Python file: not UTF-8
                    reader.report(e.location(), codePath, "the Python file " + e.reason());
                } else {
                    reader.report(fileNode.location(), codePath, "cannot read Python file '" + file + "': it " + e.reason());
                }
                return null;
            }
            config.put("code", code);
            codeLocation = new Location(file, 1, 1);
        } else if (codeNode != null) {
            codePath = child(configPath, "code");
            code = reader.string(codeNode, codePath);
            if (code == null) {
                config.remove("code");
                return null;
            }
            codeLocation = ((ScalarNode) codeNode).contentLocation();
        } else {
            return null; // no code: the default behaviour (filters pass, transforms are the identity)
        }
        if (code.isBlank()) {
            reader.report((fileNode != null ? fileNode : codeNode).location(), codePath, "is empty; leave 'config' out for the default behaviour");
            return null;
        }
        if (pythonChecker != null) {
            String function = configPath.endsWith("filter.config") ? "filter" : "transform";
            int before = reader.problems().size();
            int arity = configPath.contains(".fields.") ? 2 : 1;
            for (PythonChecker.CodeProblem p : pythonChecker.check(code, function, arity, engine)) {
                // In a file, columns are the file's own; inline, they are shifted by the block's indentation.
                int column = fileNode != null ? p.column() : codeLocation.column() + Math.max(0, p.column() - 1);
                reader.report(codeLocation.plusLines(p.line() - 1, column), codePath, "Python: " + p.message());
            }
            if (reader.problems().size() > before) {
                return null;
            }
        }
        return codeLocation;
    }

    private static String roleName(Role role) {
        return role == Role.FILTER ? "filter" : "transform";
    }
}
