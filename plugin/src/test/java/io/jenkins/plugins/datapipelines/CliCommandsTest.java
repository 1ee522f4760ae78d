package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CliCommandsTest {
    private static final ImageReference IMAGE = new ImageReference("registry.example.com/orders", "sha256:" + "ab".repeat(32));

    @Test
    void validateAsksForJson() {
        assertEquals(List.of("validate", "--output", "json", "p/orders.yaml"), CliCommands.validate("p/orders.yaml"));
    }

    @Test
    void buildNamesTheRepository() {
        assertEquals(List.of("build", "orders.yaml", "--image", "registry.example.com/orders", "--output", "json"),
                CliCommands.build("orders.yaml", "registry.example.com/orders"));
    }

    @Test
    void deployPinsTheDigestAndWaitsWithItsTimeout() {
        assertEquals(List.of("deploy", "orders.yaml", "--image", "registry.example.com/orders@sha256:" + "ab".repeat(32),
                        "--deployment", "orders-eu", "--namespace", "prod", "--kubeconfig", "/w@tmp/kubeconfig1.yaml",
                        "--wait", "--timeout", "90s", "--output", "json"),
                CliCommands.deploy("orders.yaml", IMAGE, "orders-eu", "prod", "/w@tmp/kubeconfig1.yaml", true, "90s", false));
    }

    @Test
    void deployWithoutKubeconfigWaitOrWithDryRun() {
        assertEquals(List.of("deploy", "orders.yaml", "--image", IMAGE.toString(), "--deployment", "orders", "--namespace", "default",
                        "--dry-run", "--output", "json"),
                CliCommands.deploy("orders.yaml", IMAGE, "orders", "default", null, false, "5m", true));
    }
}
