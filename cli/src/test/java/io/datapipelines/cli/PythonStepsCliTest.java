package io.datapipelines.cli;

import static io.datapipelines.cli.CliTest.run;

import io.datapipelines.cli.CliTest.Run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python steps that cannot start, that run forever, and the engine a definition chooses, through the CLI. */
class PythonStepsCliTest {

    private static String definition(String processing, String... codeLines) {
        StringBuilder code = new StringBuilder();
        for (String line : codeLines) {
            code.append("                ").append(line).append('\n');
        }
        return "apiVersion: datapipelines/v1\nkind: DataPipeline\nmetadata: {name: p}\nspec:\n"
                + "  source: {topic: in}\n  sink: {topic: out}\n"
                + "  steps:\n    - kind: Field\n      fields:\n        name:\n          transform:\n"
                + "            key: user-defined-transformation\n            config:\n              code: |\n"
                + code
                + processing
                + "  tests:\n    - name: upper\n      input: [{value: {name: ada}}]\n      expect: [{value: {name: ADA}}]\n";
    }

    private static Path write(Path dir, String text) throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void codeThatRaisesAtImportIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path file = write(dir, definition("", "RATES = {}", "DEFAULT = RATES['EUR']", "def transform(value, row):", "    return value.upper()"));
        Run run = run("test", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(file + ": cannot start: KeyError: 'EUR' (at " + file + ":16, in spec.steps[0].fields.name.transform)");
        Path input = dir.resolve("in.ndjson");
        Files.writeString(input, "{\"value\": {\"name\": \"x\"}}\n");
        Run preview = run("preview", file.toString(), "--input", input.toString());
        assertThat(preview.exitCode()).isEqualTo(2);
        assertThat(preview.err().strip()).isEqualTo(file + ": KeyError: 'EUR' (at " + file + ":16, in spec.steps[0].fields.name.transform)");
    }

    @Test
    void anEndlessLoopFailsTheTestNamingTheStep(@TempDir Path dir) throws Exception {
        // the first record warms the step up (a step's first call has a longer limit); the second loops
        Path file = write(dir, definition("  processing: {python: {timeout: 300ms}}\n",
                "def transform(value, row):", "    while value == 'loop':", "        pass", "    return value.upper()")
                .replace("input: [{value: {name: ada}}]", "input: [{value: {name: ada}}, {value: {name: loop}}]"));
        Run run = run("test", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL upper").contains("input[1] ran past the time limit in steps[0].fields[name]")
                .contains("time limit of 300ms").contains("0 passed, 1 failed");
        Path input = dir.resolve("in.ndjson");
        Files.writeString(input, "{\"value\": {\"name\": \"x\"}}\n{\"value\": {\"name\": \"loop\"}}\n");
        Run preview = run("preview", file.toString(), "--input", input.toString());
        assertThat(preview.exitCode()).isEqualTo(1);
        assertThat(preview.err()).contains("steps[0].fields[name]: TimeoutError: the code ran longer than its time limit of 300ms");
    }

    @Test
    void validateReportsAnImportThatCannotBeResolvedWithoutRunningCode(@TempDir Path dir) throws Exception {
        // the module-level raise would fail a run: validate does not run it, but finds the import
        Path file = write(dir, definition("", "import yaml_of_my_own", "raise SystemExit(3)", "def transform(value, row):", "    return value"));
        Run run = run("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":15:17: spec.steps[0].fields.name.transform.config.code: Python: No module named 'yaml_of_my_own'");
    }

    @Test
    void jythonRunsWhenTheDefinitionChoosesIt(@TempDir Path dir) throws Exception {
        // unicode exists in Python 2 only: this passes with Jython and fails validation-free at run time with GraalPy
        String code = "def transform(value, row):";
        Path file = write(dir, definition("  processing: {python: {engine: jython}}\n", code, "    return value.upper() if isinstance(value, unicode) else None"));
        assertThat(run("test", file.toString()).exitCode()).isEqualTo(0);
        Path graal = write(dir, definition("", code, "    return value.upper() if isinstance(value, unicode) else None"));
        Run run = run("test", graal.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("NameError");
    }
}
