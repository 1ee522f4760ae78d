package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NetworkPolicy's peers: how their text is read, merged with the global defaults, checked and passed to deploy. */
class NetworkSettingsTest {
    private static final NetworkSettings GLOBAL = NetworkSettings.builder().kafkaCidrs("10.0.0.0/8").kafkaNamespaces("kafka")
            .kafkaPodLabels("app=kafka").dnsNamespace("dns").dnsPodLabels("k8s-app=coredns").metricsNamespaces("monitoring").build();

    private static String failure(NetworkSettings settings) {
        return assertThrows(DeploymentFailure.class, settings::check).getMessage();
    }

    @Test
    void itemsAreSeparatedByBlanksCommasOrLineBreaks() {
        assertEquals(List.of("10.0.12.0/24", "10.0.13.0/24", "fd00::/64"), NetworkSettings.items(" 10.0.12.0/24,10.0.13.0/24\n fd00::/64 ,, "));
        assertEquals(List.of(), NetworkSettings.items(null));
        assertEquals(List.of(), NetworkSettings.items(" , "));
    }

    @Test
    void blankTextIsUnsetAndListsAreKeptOnOneLine() {
        NetworkSettings settings = NetworkSettings.builder().kafkaCidrs(" , ").kafkaNamespaces("kafka,\nkafka-eu").dnsNamespace("  ").build();
        assertNull(settings.kafkaCidrs());
        assertNull(settings.dnsNamespace());
        assertEquals("kafka kafka-eu", settings.kafkaNamespaces());
        assertEquals(NetworkSettings.NONE, NetworkSettings.builder().kafkaCidrs("").build());
    }

    @Test
    void aSettingSetHereReplacesTheDefaultAndAnUnsetOneTakesIt() {
        NetworkSettings step = NetworkSettings.builder().kafkaPodLabels("strimzi.io/cluster=orders strimzi.io/kind=Kafka")
                .metricsNamespaces("prometheus").build();
        NetworkSettings merged = step.orElse(GLOBAL);
        assertEquals("strimzi.io/cluster=orders strimzi.io/kind=Kafka", merged.kafkaPodLabels(), "replaced, not combined");
        assertEquals("prometheus", merged.metricsNamespaces());
        assertEquals("10.0.0.0/8", merged.kafkaCidrs());
        assertEquals("kafka", merged.kafkaNamespaces());
        assertEquals("dns", merged.dnsNamespace());
        assertEquals("k8s-app=coredns", merged.dnsPodLabels());
        assertEquals(NetworkSettings.NONE, NetworkSettings.NONE.orElse(NetworkSettings.NONE));
        assertEquals(GLOBAL, NetworkSettings.NONE.orElse(GLOBAL));
    }

    @Test
    void eachItemIsItsOwnRepeatedOptionAndUnsetSettingsPassNothing() {
        NetworkSettings settings = NetworkSettings.builder().kafkaCidrs("10.0.12.0/24, 10.0.13.0/24").kafkaNamespaces("kafka")
                .kafkaPodLabels("app=kafka,tier=broker").dnsNamespace("kube-system").dnsPodLabels("k8s-app=kube-dns")
                .metricsNamespaces("monitoring observability").build();
        assertEquals(List.of("--kafka-cidr", "10.0.12.0/24", "--kafka-cidr", "10.0.13.0/24",
                "--kafka-namespace", "kafka", "--kafka-pod-label", "app=kafka", "--kafka-pod-label", "tier=broker",
                "--dns-namespace", "kube-system", "--dns-pod-label", "k8s-app=kube-dns",
                "--metrics-namespace", "monitoring", "--metrics-namespace", "observability"), settings.deployArguments());
        assertEquals(List.of(), NetworkSettings.NONE.deployArguments());
        assertEquals(List.of("--dns-pod-label", "k8s-app=coredns"),
                NetworkSettings.builder().dnsPodLabels("k8s-app=coredns").build().deployArguments());
    }

    /** The rule FieldChecks' doCheck methods report (FormValidation itself is a stand-in here). */
    @Test
    void theFormsChecksFindTheFirstInvalidItem() {
        assertNull(NetworkSettings.Syntax.CIDR.firstInvalid("10.0.12.0/24, fd00::/64"));
        assertEquals("10.0.300.0/24", NetworkSettings.Syntax.CIDR.firstInvalid("10.0.12.0/24 10.0.300.0/24 kafka"));
        assertEquals("10.0.12.1", NetworkSettings.Syntax.CIDR.firstInvalid("10.0.12.1"), "an address without a prefix length");
        assertEquals("Kafka-EU", NetworkSettings.Syntax.NAMESPACE.firstInvalid("kafka,Kafka-EU"));
        assertEquals("app", NetworkSettings.Syntax.LABEL.firstInvalid("app=kafka app"));
        assertNull(NetworkSettings.Syntax.LABEL.firstInvalid("app.kubernetes.io/name=kafka, tier="));
        for (NetworkSettings.Syntax syntax : NetworkSettings.Syntax.values()) {
            assertNull(syntax.firstInvalid("  "), "blank: unset, no error");
        }
    }

    @Test
    void theStepsCheckNamesTheSettingAndTheItem() {
        assertEquals("kafkaCidrs: '10.0.12.0/33' is not a CIDR such as 10.0.12.0/24 or fd00::/64",
                failure(NetworkSettings.builder().kafkaCidrs("10.0.12.0/24 10.0.12.0/33").build()));
        assertTrue(failure(NetworkSettings.builder().kafkaPodLabels("app:kafka").build())
                .startsWith("kafkaPodLabels: 'app:kafka' is not a label KEY=VALUE such as app=kafka"));
        assertTrue(failure(NetworkSettings.builder().dnsPodLabels("-x=y").build()).startsWith("dnsPodLabels: '-x=y' is not a label"));
        assertTrue(failure(NetworkSettings.builder().metricsNamespaces("monitoring kube_system").build())
                .startsWith("metricsNamespaces: 'kube_system' is not a Kubernetes namespace"));
        assertTrue(failure(NetworkSettings.builder().kafkaNamespaces("Kafka").build()).startsWith("kafkaNamespaces: 'Kafka' is not"));
        assertEquals("dnsNamespace: 'kube-system, dns' must be one namespace",
                failure(NetworkSettings.builder().dnsNamespace("kube-system, dns").build()));
    }

    @Test
    void theSettingsModelShowsTheTextAsTypedAndPassesTheItems() {
        DeployOptions options = new DeployOptions();
        options.setKafkaCidrs(" 10.0.12.0/24,10.0.13.0/24 ");
        options.setKafkaPodLabels("app=kafka");
        options.setDnsNamespace(" ");
        assertEquals("10.0.12.0/24,10.0.13.0/24", options.getKafkaCidrs());
        assertNull(options.getDnsNamespace());
        assertNull(options.getMetricsNamespaces());
        assertEquals(NetworkSettings.builder().kafkaCidrs("10.0.12.0/24 10.0.13.0/24").kafkaPodLabels("app=kafka").build(),
                options.parameters(null).network());
        assertEquals(NetworkSettings.NONE, new DeployOptions().parameters(null).network());
    }

    @Test
    void validSettingsPassTheCheck() {
        assertDoesNotThrow(GLOBAL::check);
        assertDoesNotThrow(NetworkSettings.NONE::check);
    }
}
