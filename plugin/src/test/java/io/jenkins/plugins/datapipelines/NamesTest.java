package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "orders-eu", "a", "a1", "0abc", "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefgh"})
    void acceptsKubernetesNames(String name) {
        assertTrue(Names.isDnsLabel(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Prod", "-prod", "prod-", "orders_eu", "orders.eu", "a b",
            "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghi"})
    void rejectsWhatKubernetesRejects(String name) {
        assertFalse(Names.isDnsLabel(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "team/orders", "registry.example.com/team/orders", "localhost:5000/orders",
            "127.0.0.1:5000/a/b/c", "ghcr.io/acme/data-pipelines/orders_clean", "my-registry/a__b", "Registry.Example.com/orders",
            "localhost/orders"})
    void acceptsImageRepositories(String repository) {
        assertTrue(Names.isImageRepository(repository), repository);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Team/orders", "registry.example.com/orders:1.0", "orders@sha256:abc", "orders/", "/orders",
            "registry.example.com//orders", "orders-", "a..b", "Registry.example.com:5000/Orders", "localhost/"})
    void rejectsTagsDigestsAndBadRepositories(String repository) {
        assertFalse(Names.isImageRepository(repository), repository);
    }

    @ParameterizedTest
    @ValueSource(strings = {"90s", "5m", "1h", "1h30m", "2m10s", "1h0m5s"})
    void acceptsDurations(String duration) {
        assertTrue(Names.isDuration(duration), duration);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "m", "5 m", "0s", "0m0s", "30m1h", "-5m", "5min", "1.5h"})
    void rejectsOtherDurations(String duration) {
        assertFalse(Names.isDuration(duration), duration);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kafka:9092", "kafka-0.kafka:9092,kafka-1.kafka:9092", "10.0.0.1:9093", "[::1]:9092", "b1:9092, b2:9092"})
    void acceptsBootstrapServers(String servers) {
        assertTrue(Names.isBootstrapServers(servers), servers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kafka", "kafka:", ":9092", "kafka:0", "kafka:65536", "kafka:9092,", "kafka:port", "http://kafka:9092"})
    void rejectsOtherBootstrapServers(String servers) {
        assertFalse(Names.isBootstrapServers(servers), servers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"datapipeline.yaml", "pipelines/orders.yaml", "./a.yml", "dir\\file.json"})
    void acceptsWorkspacePaths(String path) {
        assertTrue(Names.isWorkspacePath(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../other/a.yaml", "a/../../b.yaml", "C:\\x.yaml", "c:/x.yaml", "\\\\server\\share\\a.yaml", " "})
    void rejectsPathsOutsideTheWorkspace(String path) {
        assertFalse(Names.isWorkspacePath(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.12.0/24", "0.0.0.0/0", "255.255.255.255/32", "192.168.1.7/32", "fd00::/64", "::/0",
            "2001:db8::1/128", "::ffff:10.0.0.1/128", "169.254.20.10/32"})
    void acceptsCidrs(String cidr) {
        assertTrue(Names.isCidr(cidr), cidr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.12.0", "10.0.12.0/33", "10.0.256.0/24", "10.0.12/24", "01.0.0.0/8", "10.0.12.0/024",
            "10.0.12.0/-1", "10.0.12.0/24/1", "/24", "fd00::/129", "fd00:::1/64", "fd00::g/64", "kafka.example.com/32",
            "localhost/8", "10.0.12.0 /24", "[fd00::]/64"})
    void rejectsWhatIsNotACidr(String cidr) {
        assertFalse(Names.isCidr(cidr), cidr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app=kafka", "tier=", "app.kubernetes.io/name=kafka", "strimzi.io/kind=Kafka", "A_b.c-d=X.y_z-1",
            "k=abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefgh"})
    void acceptsLabels(String label) {
        assertTrue(Names.isLabel(label), label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "app", "=kafka", "app:kafka", "-app=kafka", "app-=kafka", "app=-kafka", "app=kafka=1", "app=ka fka",
            "/name=x", "Example.com/name=x", "example.com/=x", "a/b/c=x", "app=kafka,", "é=x",
            "k=abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghi"})
    void rejectsWhatIsNotALabel(String label) {
        assertFalse(Names.isLabel(label), label);
    }
}
