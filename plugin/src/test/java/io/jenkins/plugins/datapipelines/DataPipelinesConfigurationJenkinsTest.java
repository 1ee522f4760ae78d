package io.jenkins.plugins.datapipelines;

import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Manage Jenkins > System > Data Pipelines: the form round trip, persistence and Configuration as Code. */
@WithJenkinsConfiguredWithCode
class DataPipelinesConfigurationJenkinsTest {

    @Test
    void roundTripsThroughTheSystemPageAndPersists(JenkinsConfiguredWithCodeRule r) throws Exception {
        DataPipelinesConfiguration configuration = DataPipelinesConfiguration.get();
        configuration.setNamespace("pipelines");
        configuration.setImageRepositoryPrefix("registry.example.com/pipelines");
        configuration.setBaseImage("registry.example.com/java/jre@sha256:" + "0".repeat(64));
        configuration.setRegistryCredentialsId("registry");
        configuration.setInsecureRegistry(true);
        configuration.setKubeconfigCredentialsId("kube");
        configuration.setKafkaBootstrapServers("kafka:9092");
        configuration.setKafkaCredentialsId("kafka");
        configuration.setKafkaSaslMechanism("SCRAM-SHA-512");
        configuration.setKafkaSecurityProtocol("SASL_PLAINTEXT");
        configuration.setTimeout("10m");
        configuration.setKafkaCidrs("10.0.12.0/24, 10.0.13.0/24");
        configuration.setKafkaNamespaces("kafka");
        configuration.setKafkaPodLabels("strimzi.io/kind=Kafka");
        configuration.setDnsNamespace("dns");
        configuration.setDnsPodLabels("k8s-app=coredns");
        configuration.setMetricsNamespaces("monitoring");
        DeployDefaults before = configuration.defaults();

        r.configRoundtrip();

        assertEquals(before, DataPipelinesConfiguration.get().defaults());
        assertEquals(before, new DataPipelinesConfiguration().defaults(), "a fresh instance loads the same values from disk");
    }

    @Test
    void blanksAreStoredAsUnset(JenkinsConfiguredWithCodeRule r) throws Exception {
        DataPipelinesConfiguration configuration = DataPipelinesConfiguration.get();
        configuration.setNamespace("  ");
        r.configRoundtrip();
        assertNull(DataPipelinesConfiguration.get().getNamespace());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void isConfiguredAsCode(JenkinsConfiguredWithCodeRule r) {
        assertEquals(new DeployDefaults(DeployParameters.builder().namespace("pipelines")
                .baseImage("registry.example.com/java/jre@sha256:" + "0".repeat(64)).registryCredentialsId("registry")
                .kubeconfigCredentialsId("kube").kafkaBootstrapServers("kafka-0:9092,kafka-1:9092").kafkaCredentialsId("kafka")
                .kafkaSaslMechanism("SCRAM-SHA-512").kafkaSecurityProtocol("SASL_SSL").timeout("10m")
                .network(NetworkSettings.builder().kafkaNamespaces("kafka").kafkaPodLabels("strimzi.io/kind=Kafka").metricsNamespaces("monitoring").build())
                .build(), "registry.example.com/pipelines"),
                DataPipelinesConfiguration.get().defaults());
    }
}
