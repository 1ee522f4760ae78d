package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parameters' copy ({@link DeployParameters#toBuilder()}) and equality, field by field. */
class DeployParametersTest {
    /** Every field away from its builder's default: a field added later and missing here fails {@link #theSampleSetsEveryField()}. */
    static DeployParameters everyFieldSet() {
        return DeployParameters.builder().definition("p/orders.yaml").deployment("orders-eu").namespace("prod").image("reg.example.com/orders")
                .baseImage("docker-archive:/opt/jre.tar").registryCredentialsId("reg").insecureRegistry(true).kubeconfigCredentialsId("kube")
                .kafkaBootstrapServers("kafka:9093").kafkaCredentialsId("kafka").kafkaSaslMechanism("SCRAM-SHA-512")
                .kafkaSecurityProtocol("SASL_PLAINTEXT").waitForRollout(false).timeout("90s").dryRun(true)
                .network(NetworkSettings.builder().kafkaNamespaces("kafka").build())
                .shadow(ShadowSettings.builder().enabled(true).records("500").build()).build();
    }

    private static List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        for (Field field : DeployParameters.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields;
    }

    @Test
    void theSampleSetsEveryField() throws Exception {
        DeployParameters unset = DeployParameters.builder().build();
        DeployParameters sample = everyFieldSet();
        List<String> notSet = new ArrayList<>();
        for (Field field : fields()) {
            if (java.util.Objects.equals(field.get(sample), field.get(unset))) {
                notSet.add(field.getName());
            }
        }
        assertTrue(notSet.isEmpty(), "everyFieldSet() leaves " + notSet + " at the builder's default");
    }

    @Test
    void toBuilderCopiesEveryField() throws Exception {
        DeployParameters sample = everyFieldSet();
        DeployParameters copy = sample.toBuilder().build();
        for (Field field : fields()) {
            assertEquals(field.get(sample), field.get(copy), field.getName());
        }
        assertEquals(sample, copy);
        assertEquals(sample.hashCode(), copy.hashCode());
        assertEquals(DeployParameters.builder().build(), DeployParameters.builder().build().toBuilder().build());
    }

    /** Equality looks at every field: each one changed alone makes different parameters. */
    @Test
    void equalityLooksAtEveryField() throws Exception {
        DeployParameters sample = everyFieldSet();
        DeployParameters unset = DeployParameters.builder().build();
        for (Field field : fields()) {
            DeployParameters changed = sample.toBuilder().build();
            field.set(changed, field.get(unset));
            assertNotEquals(sample, changed, field.getName());
        }
    }
}
