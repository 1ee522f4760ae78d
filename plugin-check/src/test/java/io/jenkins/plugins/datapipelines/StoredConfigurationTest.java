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
    private static final Path STORED_JOB = Path.of(System.getProperty("plugin.dir", "../plugin"),
            "src/test/resources/io/jenkins/plugins/datapipelines/job-without-wait.xml");

    private static XStream xstream() {
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.datapipelines.**"});
        return xstream;
    }

    /** The build step's element of the stored job (the job itself is Jenkins' type: a stand-in here). */
    private static String storedBuilder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document job = factory.newDocumentBuilder().parse(STORED_JOB.toFile());
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
        assertThat(builder.isWait()).as("the default, as for a new builder").isTrue();
        assertThat(builder.parameters().waitForRollout()).isTrue();
        assertThat(builder.getDefinitionFile()).isEqualTo("datapipeline.yaml");
        assertThat(builder.getDeployment()).isEqualTo("orders-eu");
        assertThat(builder.getNamespace()).isEqualTo("prod");
    }

    @Test
    void anExplicitSettingSurvivesTheRoundTrip() throws Exception {
        DataPipelineBuilder loaded = (DataPipelineBuilder) xstream().fromXML(storedBuilder()
                .replace("<dryRun>false</dryRun>", "<dryRun>false</dryRun><wait>false</wait>"));
        assertThat(loaded.isWait()).as("a stored false stays false").isFalse();
        DataPipelineBuilder again = (DataPipelineBuilder) xstream().fromXML(xstream().toXML(loaded));
        assertThat(again.isWait()).isFalse();
    }
}
