package io.datapipelines.cli;

/** {@code --output}: text for people, JSON for programs (the Jenkins step). */
enum OutputFormat {
    text, json
}
