package io.datapipelines.benchmarks.report;

/** A Markdown document built line by line, with table rows. */
final class Markdown {
    private final StringBuilder text = new StringBuilder();

    Markdown line(String line) {
        text.append(line).append('\n');
        return this;
    }

    Markdown line() {
        text.append('\n');
        return this;
    }

    /** A table row; cells must not contain '|'. */
    Markdown row(String... cells) {
        text.append("| ").append(String.join(" | ", cells)).append(" |\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
