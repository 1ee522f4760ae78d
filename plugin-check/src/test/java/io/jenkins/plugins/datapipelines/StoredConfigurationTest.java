package io.jenkins.plugins.datapipelines;

import com.thoughtworks.xstream.XStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored configuration loaded as Jenkins loads it: with XStream (the version core 2.541.3 uses), which creates objects
 * without running constructors or field initialisers and then calls {@code readResolve}. A job saved without
 * {@code <wait>} must load with wait = true, as a new builder has.
 */
class StoredConfigurationTest {
    private static final Path STORED_JOBS = Path.of(System.getProperty("plugin.dir", "../plugin"),
            "src/test/resources/io/jenkins/plugins/datapipelines");
    private static final Path STORED_JOB = STORED_JOBS.resolve("job-without-wait.xml");

    private static XStream xstream() {
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.datapipelines.**"});
        return xstream;
    }

    /** The build step's element of the stored job (the job itself is Jenkins' type: a stand-in here). */
    private static String storedBuilder() throws Exception {
        return storedBuilder(STORED_JOB);
    }

    private static String storedBuilder(Path storedJob) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document job = factory.newDocumentBuilder().parse(storedJob.toFile());
        Element builder = (Element) job.getElementsByTagName(DataPipelineBuilder.class.getName()).item(0);
        assertThat(builder).as("the stored job's build step").isNotNull();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter xml = new StringWriter();
        transformer.transform(new DOMSource(builder), new StreamResult(xml));
        return xml.toString();
    }

    @Test
    void aBuilderStoredWithoutWaitLoadsWaitingForTheRollout() throws Exception {
        String xml = storedBuilder();
        assertThat(xml).doesNotContain("<wait>").doesNotContain("<definitionFile>");
        DataPipelineBuilder builder = (DataPipelineBuilder) xstream().fromXML(xml);
        assertThat(builder.getOptions().isWait()).as("the default, as for a new builder").isTrue();
        assertThat(builder.parameters().waitForRollout()).isTrue();
        assertThat(builder.getDefinitionFile()).isEqualTo("datapipeline.yaml");
        assertThat(builder.getOptions().getDeployment()).as("the flat shape of older versions, moved into the options").isEqualTo("orders-eu");
        assertThat(builder.getOptions().getNamespace()).isEqualTo("prod");
        String saved = xstream().toXML(builder);
        assertThat(saved).as("saved in the new shape only").contains("<options>").containsOnlyOnce("<deployment>orders-eu</deployment>");
    }

    @Test
    void anExplicitSettingSurvivesTheRoundTrip() throws Exception {
        DataPipelineBuilder loaded = (DataPipelineBuilder) xstream().fromXML(storedBuilder()
                .replace("<dryRun>false</dryRun>", "<dryRun>false</dryRun><wait>false</wait>"));
        assertThat(loaded.getOptions().isWait()).as("a stored false stays false").isFalse();
        DataPipelineBuilder again = (DataPipelineBuilder) xstream().fromXML(xstream().toXML(loaded));
        assertThat(again.getOptions().isWait()).isFalse();
        assertThat(again.getOptions()).isEqualTo(loaded.getOptions());
    }

    @Test
    void optionsStoredWithoutWaitWaitToo() {
        DataPipelineBuilder loaded = (DataPipelineBuilder) xstream().fromXML("<" + DataPipelineBuilder.class.getName() + "><options>"
                + "<namespace>prod</namespace></options></" + DataPipelineBuilder.class.getName() + ">");
        assertThat(loaded.getOptions().isWait()).isTrue();
        assertThat(loaded.getOptions().getNamespace()).isEqualTo("prod");
        assertThat(loaded.getDefinitionFile()).isEqualTo("datapipeline.yaml");
    }

    /**
     * The CLI installation was the build step's own ({@code <cliTool>} beside {@code <options>}) before it became a
     * deployment setting: a job stored then loads with it in the options, and is saved with it there only.
     */
    @Test
    void aBuilderStoredWithItsOwnCliToolLoadsItIntoTheOptions() throws Exception {
        String xml = storedBuilder(STORED_JOBS.resolve("job-with-cli-tool.xml"));
        assertThat(xml).contains("</options>").contains("<cliTool>datapipelines-1.0</cliTool>");
        DataPipelineBuilder builder = (DataPipelineBuilder) xstream().fromXML(xml);
        assertThat(builder.getOptions().getCliTool()).isEqualTo("datapipelines-1.0");
        assertThat(builder.getOptions().getDeployment()).isEqualTo("orders-eu");
        assertThat(builder.getDefinitionFile()).isEqualTo("pipelines/orders.yaml");
        String saved = xstream().toXML(builder);
        assertThat(saved).as("saved once, in the options").containsOnlyOnce("<cliTool>datapipelines-1.0</cliTool>")
                .containsPattern("(?s)<options>.*<cliTool>datapipelines-1.0</cliTool>.*</options>");
        DataPipelineBuilder again = (DataPipelineBuilder) xstream().fromXML(saved);
        assertThat(again.getOptions()).isEqualTo(builder.getOptions());
        assertThat(again.getOptions().getCliTool()).isEqualTo("datapipelines-1.0");
    }

    /** Older still: the flat shape (no options), with a CLI installation beside the settings. */
    @Test
    void aFlatBuilderWithItsOwnCliToolLoadsBothIntoTheOptions() throws Exception {
        DataPipelineBuilder builder = (DataPipelineBuilder) xstream().fromXML(storedBuilder()
                .replace("<dryRun>false</dryRun>", "<dryRun>false</dryRun><cliTool>in-image</cliTool>"));
        assertThat(builder.getOptions().getCliTool()).isEqualTo("in-image");
        assertThat(builder.getOptions().getNamespace()).isEqualTo("prod");
        assertThat(xstream().toXML(builder)).containsOnlyOnce("<cliTool>in-image</cliTool>");
    }

    @Test
    void aBuilderWithoutACliToolRunsTheDefaultInstallation() throws Exception {
        DataPipelineBuilder builder = (DataPipelineBuilder) xstream().fromXML(storedBuilder());
        assertThat(builder.getOptions().getCliTool()).isNull();
        assertThat(xstream().toXML(builder)).doesNotContain("cliTool");
    }

    /** Manage Jenkins > System as an older version saved it: every setting directly in the configuration. */
    private static final String FLAT_GLOBAL = "<" + DataPipelinesConfiguration.class.getName() + ">"
            + "<namespace>pipelines</namespace><imageRepositoryPrefix>registry.example.com/pipelines</imageRepositoryPrefix>"
            + "<baseImage>registry.example.com/java/jre@sha256:" + "0".repeat(64) + "</baseImage>"
            + "<registryCredentialsId>registry</registryCredentialsId><insecureRegistry>true</insecureRegistry>"
            + "<kubeconfigCredentialsId>kube</kubeconfigCredentialsId><kafkaBootstrapServers>kafka-0:9092</kafkaBootstrapServers>"
            + "<kafkaCredentialsId>kafka</kafkaCredentialsId><kafkaSaslMechanism>SCRAM-SHA-512</kafkaSaslMechanism>"
            + "<kafkaSecurityProtocol>SASL_SSL</kafkaSecurityProtocol><timeout>10m</timeout>"
            + "</" + DataPipelinesConfiguration.class.getName() + ">";

    @Test
    void anOldGlobalConfigurationLoadsIntoTheSettingsModel() {
        DataPipelinesConfiguration loaded = (DataPipelinesConfiguration) xstream().fromXML(FLAT_GLOBAL);
        DeployDefaults expected = new DeployDefaults(DeployParameters.builder().namespace("pipelines")
                .baseImage("registry.example.com/java/jre@sha256:" + "0".repeat(64)).registryCredentialsId("registry").insecureRegistry(true)
                .kubeconfigCredentialsId("kube").kafkaBootstrapServers("kafka-0:9092").kafkaCredentialsId("kafka").kafkaSaslMechanism("SCRAM-SHA-512")
                .kafkaSecurityProtocol("SASL_SSL").timeout("10m").build(), "registry.example.com/pipelines");
        assertThat(loaded.defaults()).isEqualTo(expected);
        assertThat(loaded.getOptions().getNamespace()).as("moved into the options").isEqualTo("pipelines");
        assertThat(loaded.getKafkaSecurityProtocol()).as("and read through the flat properties (JCasC, the form)").isEqualTo("SASL_SSL");
        String saved = xstream().toXML(loaded);
        assertThat(saved).as("saved in the new shape only").contains("<options>").containsOnlyOnce("<namespace>pipelines</namespace>")
                .containsOnlyOnce("<timeout>10m</timeout>");
        DataPipelinesConfiguration again = (DataPipelinesConfiguration) xstream().fromXML(saved);
        assertThat(again.defaults()).isEqualTo(expected);
    }

    @Test
    void anOldGlobalConfigurationLoadsIntoAnExistingInstanceAsDescriptorLoadDoes() {
        // Descriptor.load() unmarshals into the instance its constructor made, whose options already exist.
        DataPipelinesConfiguration instance = (DataPipelinesConfiguration) xstream().fromXML("<" + DataPipelinesConfiguration.class.getName()
                + "><options><namespace>stale</namespace></options></" + DataPipelinesConfiguration.class.getName() + ">");
        xstream().fromXML(FLAT_GLOBAL, instance);
        assertThat(instance.defaults().values().namespace()).isEqualTo("pipelines");
        assertThat(instance.defaults().values().timeout()).isEqualTo("10m");
    }

    /** The NetworkPolicy's peers came later: configuration stored before has none of them, and they load unset (null). */
    @Test
    void configurationStoredWithoutTheNetworkSettingsLoadsThemUnset() throws Exception {
        DataPipelineBuilder builder = (DataPipelineBuilder) xstream().fromXML("<" + DataPipelineBuilder.class.getName() + "><options>"
                + "<namespace>prod</namespace><timeout>10m</timeout></options></" + DataPipelineBuilder.class.getName() + ">");
        DeployOptions options = builder.getOptions();
        assertThat(options.getKafkaCidrs()).isNull();
        assertThat(options.getKafkaNamespaces()).isNull();
        assertThat(options.getKafkaPodLabels()).isNull();
        assertThat(options.getDnsNamespace()).isNull();
        assertThat(options.getDnsPodLabels()).isNull();
        assertThat(options.getMetricsNamespaces()).isNull();
        assertThat(builder.parameters().network()).isEqualTo(NetworkSettings.NONE);
        assertThat(builder.parameters().namespace()).isEqualTo("prod");

        DataPipelinesConfiguration global = (DataPipelinesConfiguration) xstream().fromXML(FLAT_GLOBAL);
        assertThat(global.defaults().values().network()).isEqualTo(NetworkSettings.NONE);
        assertThat(global.getKafkaPodLabels()).isNull();
        DataPipelinesConfiguration nested = (DataPipelinesConfiguration) xstream().fromXML("<" + DataPipelinesConfiguration.class.getName()
                + "><options><namespace>pipelines</namespace></options></" + DataPipelinesConfiguration.class.getName() + ">");
        assertThat(nested.defaults().values().network()).isEqualTo(NetworkSettings.NONE);
    }

    /** A deployment recorded before (its DeployParameters, kept in the build for a rollback) has no network settings. */
    @Test
    void aDeploymentRecordedWithoutTheNetworkSettingsRedeploysWithTheCurrentDefaults() throws Exception {
        String recorded = xstream().toXML(DeployParameters.builder().namespace("prod").build())
                .replaceAll("(?s)<network/>|<network>.*?</network>", "");
        assertThat(recorded).doesNotContain("network");
        DeployParameters loaded = (DeployParameters) xstream().fromXML(recorded);
        assertThat(loaded.network()).isEqualTo(NetworkSettings.NONE);
        assertThat(loaded.namespace()).isEqualTo("prod");
        DeployDefaults defaults = DeployDefaults.of(DeployParameters.builder().network(NetworkSettings.builder().kafkaNamespaces("kafka").build()).build());
        assertThat(DeploySettings.resolve(loaded, defaults).network().kafkaNamespaces()).isEqualTo("kafka");
    }

    @Test
    void theNetworkSettingsSurviveTheRoundTrip() throws Exception {
        DataPipelineBuilder loaded = (DataPipelineBuilder) xstream().fromXML(storedBuilder());
        loaded.getOptions().setKafkaCidrs("10.0.12.0/24, 10.0.13.0/24");
        loaded.getOptions().setKafkaPodLabels("strimzi.io/kind=Kafka");
        loaded.getOptions().setMetricsNamespaces("monitoring");
        String saved = xstream().toXML(loaded);
        assertThat(saved).contains("<kafkaCidrs>10.0.12.0/24, 10.0.13.0/24</kafkaCidrs>").doesNotContain("<dnsNamespace>");
        DataPipelineBuilder again = (DataPipelineBuilder) xstream().fromXML(saved);
        assertThat(again.getOptions()).isEqualTo(loaded.getOptions());
        assertThat(again.parameters().network()).isEqualTo(NetworkSettings.builder().kafkaCidrs("10.0.12.0/24 10.0.13.0/24")
                .kafkaPodLabels("strimzi.io/kind=Kafka").metricsNamespaces("monitoring").build());
    }

    /** The shadow came later: configuration stored before has none of its settings, and deploys without a shadow. */
    @Test
    void configurationStoredWithoutTheShadowLoadsWithout() throws Exception {
        DataPipelineBuilder builder = (DataPipelineBuilder) xstream().fromXML(storedBuilder());
        assertThat(builder.getOptions().isShadow()).isFalse();
        assertThat(builder.getOptions().getShadowRecords()).isNull();
        assertThat(builder.parameters().shadow()).isEqualTo(ShadowSettings.NONE);
        String recorded = xstream().toXML(DeployParameters.builder().namespace("prod").build())
                .replaceAll("(?s)<shadow/>|<shadow>.*?</shadow>", "");
        assertThat(recorded).doesNotContain("shadow");
        DeployParameters loaded = (DeployParameters) xstream().fromXML(recorded);
        assertThat(loaded.shadow()).isEqualTo(ShadowSettings.NONE);
        assertThat(DeploySettings.resolve(loaded, DeployDefaults.NONE).shadow().deployArguments()).isEmpty();
    }

    @Test
    void theShadowSettingsSurviveTheRoundTrip() throws Exception {
        DataPipelineBuilder loaded = (DataPipelineBuilder) xstream().fromXML(storedBuilder());
        loaded.getOptions().setShadow(true);
        loaded.getOptions().setShadowRecords("5000");
        loaded.getOptions().setShadowMaxChangedRate("0.01");
        String saved = xstream().toXML(loaded);
        assertThat(saved).contains("<shadow>true</shadow>").contains("<shadowRecords>5000</shadowRecords>").doesNotContain("<shadowTimeout>");
        DataPipelineBuilder again = (DataPipelineBuilder) xstream().fromXML(saved);
        assertThat(again.getOptions()).isEqualTo(loaded.getOptions());
        assertThat(again.parameters().shadow()).isEqualTo(ShadowSettings.builder().enabled(true).records("5000").maxChangedRate("0.01").build());
    }

    /** A deployment record made before shadows were recorded loads without one; a record with one keeps it, aborted or not. */
    @Test
    void deploymentRecordsLoadWithAndWithoutAShadow() throws Exception {
        DeploymentRecord record = new DeploymentRecord("orders", "prod", "pipelines", new ImageReference("registry.example.com/orders",
                "sha256:" + "ab".repeat(32)), "cd".repeat(32), 0, ShadowReport.ABORTED, false);
        String aborted = ShadowReportTest.aborted();
        ShadowReport shadow = CliResultParser.shadow(aborted);
        String stored = xstream().toXML(new DeploymentAction(record, "datapipeline.yaml", "{}", DeployParameters.builder().build(), null, shadow));
        assertThat(stored).contains("<shadow>").doesNotContain("ImmutableCollections").doesNotContain("Unmodifiable");
        DeploymentAction loaded = (DeploymentAction) xstream().fromXML(stored);
        assertThat(loaded.isShadowAborted()).isTrue();
        assertThat(loaded.getShadow().lines()).isEqualTo(shadow.lines());
        assertThat(loaded.getShadow().getCounts()).isEqualTo(shadow.getCounts());
        assertThat(loaded.getShadow().getLiveImage()).isEqualTo(shadow.getLiveImage());

        String older = stored.replaceAll("(?s)\\s*<shadow>.*?</shadow>", ""); // the record's and its settings'
        assertThat(older).doesNotContain("<shadow");
        DeploymentAction old = (DeploymentAction) xstream().fromXML(older);
        assertThat(old.getShadow()).isNull();
        assertThat(old.getPipeline()).isEqualTo("orders");
    }
}
