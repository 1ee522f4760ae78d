package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Standard output of a CLI command run with {@code --output json}: the JSON result, and anything else the command
 * printed there (a dry run's manifests, say), which belongs in the build log. The result is the last line that is
 * a JSON object, so text printed before it never breaks the parse.
 */
public record CliOutput(@CheckForNull String json, List<String> otherLines) {

    public CliOutput {
        otherLines = List.copyOf(otherLines);
    }

    public static CliOutput of(String stdout) {
        List<String> lines = new ArrayList<>(stdout.lines().toList());
        String json = null;
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("{") && line.endsWith("}")) {
                json = line;
                lines.remove(i);
            }
            break;
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return new CliOutput(json, lines);
    }
}
