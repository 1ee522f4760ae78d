package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The plugin's Jelly views and help files, checked without Jenkins: every file well-formed XML, every Jelly view
 * escaping by default, every form field with its help file (its own, or the step's it names), and every data-bound
 * property of the step, the Data Pipeline job's build step and the global configuration on its form.
 */
class PluginViewsTest {
    private static final Path RESOURCES = Path.of(System.getProperty("plugin.dir", "../plugin"), "src/main/resources");
    private static final Path PACKAGE = RESOURCES.resolve("io/jenkins/plugins/datapipelines");

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(RESOURCES)) {
            return all.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Document parse(Path file, String wrapper) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (wrapper != null) {
            text = "<" + wrapper + ">" + text + "</" + wrapper + ">";
        }
        try {
            return builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), file.toString());
        } catch (SAXException e) {
            throw new AssertionError(RESOURCES.relativize(file) + " is not well-formed: " + e.getMessage(), e);
        }
    }

    @Test
    void everyJellyViewIsWellFormedAndEscapesByDefault() throws Exception {
        List<Path> views = files(".jelly");
        assertThat(views).extracting(p -> RESOURCES.relativize(p).toString().replace('\\', '/')).contains(
                "index.jelly",
                "io/jenkins/plugins/datapipelines/DataPipelineDeployStep/config.jelly",
                "io/jenkins/plugins/datapipelines/DataPipelinesConfiguration/config.jelly",
                "io/jenkins/plugins/datapipelines/DeploymentAction/summary.jelly",
                "io/jenkins/plugins/datapipelines/DeploymentAction/index.jelly",
                "io/jenkins/plugins/datapipelines/DataPipelineBuilder/config.jelly",
                "io/jenkins/plugins/datapipelines/RollbackAction/index.jelly",
                "io/jenkins/plugins/datapipelines/DeploymentHistoryAction/jobMain.jelly");
        for (Path view : views) {
            parse(view, null);
            assertThat(Files.readString(view)).as(view + " escapes by default").startsWith("<?jelly escape-by-default='true'?>");
        }
    }

    /**
     * The deployment page's shadow section reads only what {@link ShadowReport} and its sampled records have (a
     * misspelt property renders empty in Jelly, silently), and writes every value escaped: no raw output anywhere.
     */
    @Test
    void theDeploymentPageShowsTheShadowsReportFromItsProperties() throws Exception {
        Path page = PACKAGE.resolve("DeploymentAction/index.jelly");
        String view = Files.readString(page);
        assertThat(view).contains("<j:set var=\"shadow\" value=\"${it.shadow}\"/>").doesNotContain("<j:out").doesNotContain("escapeText");
        java.util.regex.Matcher uses = java.util.regex.Pattern.compile("\\$\\{!?(shadow|difference)\\.([a-zA-Z]+)").matcher(view);
        Set<String> seen = new TreeSet<>();
        while (uses.find()) {
            Class<?> type = uses.group(1).equals("shadow") ? ShadowReport.class : ShadowReport.Difference.class;
            String property = uses.group(2);
            String capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
            boolean readable = java.util.Arrays.stream(type.getMethods()).anyMatch(m -> m.getParameterCount() == 0
                    && (m.getName().equals("get" + capitalised) || m.getName().equals("is" + capitalised)));
            assertThat(readable).as(uses.group() + " in " + page.getFileName() + " is a property of " + type.getSimpleName()).isTrue();
            seen.add(uses.group(1) + "." + property);
        }
        assertThat(seen).contains("shadow.aborted", "shadow.within", "shadow.violations", "shadow.total", "shadow.changedRate",
                "shadow.counts", "shadow.sample", "shadow.liveRevision", "difference.input", "difference.changes", "difference.oldOutput",
                "difference.newOutput");
        String summary = Files.readString(PACKAGE.resolve("DeploymentAction/summary.jelly"));
        assertThat(summary).contains("${it.shadowAborted}");
        assertThat(Files.readString(PACKAGE.resolve("DeploymentAction/index.properties"))).contains("shadow.aborted=", "shadow.within=",
                "shadow.beyond=");
    }

    @Test
    void everyHelpFileIsWellFormed() throws Exception {
        List<Path> help = files(".html");
        assertThat(help).hasSizeGreaterThanOrEqualTo(19);
        for (Path file : help) {
            Document document = parse(file, null);
            assertThat(document.getDocumentElement().getTagName()).as(file + " is one <div>").isEqualTo("div");
        }
    }

    private static Set<String> formFields(Path configJelly) throws Exception {
        return new TreeSet<>(helpOf(configJelly).keySet());
    }

    /** Each form field and the help the entry names with {@code help="..."}, or "" for its own help-FIELD.html. */
    private static java.util.Map<String, String> helpOf(Path configJelly) throws Exception {
        java.util.Map<String, String> fields = new java.util.TreeMap<>();
        NodeList entries = parse(configJelly, null).getElementsByTagNameNS("/lib/form", "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            if (!entry.getAttribute("field").isEmpty()) {
                fields.put(entry.getAttribute("field"), entry.getAttribute("help"));
            }
        }
        return fields;
    }

    private static Set<String> dataBoundProperties(Class<?> type) {
        Set<String> properties = new TreeSet<>();
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                String name = method.getName().substring(3);
                properties.add(Character.toLowerCase(name.charAt(0)) + name.substring(1));
            }
        }
        return properties;
    }

    @Test
    void everyDeploymentSettingIsOnItsOneFormWithHelp() throws Exception {
        Path dir = PACKAGE.resolve("DeployOptions");
        Set<String> fields = formFields(dir.resolve("config.jelly"));
        Set<String> settings = new TreeSet<>(fields);
        settings.remove("imageRepositoryPrefix"); // the global page's own field, shown there only
        assertThat(settings).isEqualTo(dataBoundProperties(DeployOptions.class));
        assertThat(settings).containsExactlyInAnyOrder("deployment", "namespace", "image", "baseImage", "registryCredentialsId",
                "insecureRegistry", "kubeconfigCredentialsId", "kafkaBootstrapServers", "kafkaCredentialsId", "kafkaSaslMechanism",
                "kafkaSecurityProtocol", "wait", "timeout", "dryRun", "kafkaCidrs", "kafkaNamespaces", "kafkaPodLabels", "dnsNamespace",
                "dnsPodLabels", "metricsNamespaces", "shadow", "shadowRecords", "shadowTimeout", "shadowMaxChangedRate",
                "shadowMaxNewDeadLetterRate", "cliTool");
        assertHelpFor(dir, fields);
        assertThat(helpOf(dir.resolve("config.jelly")).values()).as("its own help files, no references elsewhere").containsOnly("");
    }

    @Test
    void theStepKeepsItsFlatParametersAndShowsTheSettingsForm() throws Exception {
        Path dir = PACKAGE.resolve("DataPipelineDeployStep");
        Set<String> stepParameters = dataBoundProperties(DataPipelineDeployStep.class);
        Set<String> settings = dataBoundProperties(DeployOptions.class);
        Set<String> own = new TreeSet<>(stepParameters);
        own.removeAll(settings);
        assertThat(own).as("every parameter but the definition file is a deployment setting").containsExactly("definition");
        assertThat(stepParameters).containsAll(settings);
        assertThat(formFields(dir.resolve("config.jelly"))).containsExactly("definition");
        String form = Files.readString(dir.resolve("config.jelly"));
        assertThat(form).as("the settings' own form, with their descriptor").contains("descriptor.optionsDescriptor")
                .contains("<st:include page=\"config.jelly\" class=\"${descriptor.clazz}\"/>");
        assertHelpFor(dir, own);
        assertThat(dir.resolve("help.html")).as("the step's own help, shown in the Snippet Generator").exists();
        for (String setting : settings) {
            assertThat(dir.resolve("help-" + setting + ".html")).as("help lives with the settings, once").doesNotExist();
        }
        assertChecksAndFillsAreTheSettingsOwn(DataPipelineDeployStep.DescriptorImpl.class);
    }

    /** A setting's check or drop-down exists once, in DeployOptions.DescriptorImpl, never again in a descriptor that shows the form. */
    private static void assertChecksAndFillsAreTheSettingsOwn(Class<?> descriptor) {
        Set<String> webMethods = new TreeSet<>();
        for (String setting : dataBoundProperties(DeployOptions.class)) {
            String capitalised = Character.toUpperCase(setting.charAt(0)) + setting.substring(1);
            webMethods.add("doCheck" + capitalised);
            webMethods.add("doFill" + capitalised + "Items");
        }
        for (Method method : descriptor.getDeclaredMethods()) {
            assertThat(webMethods).as(descriptor.getName() + "." + method.getName() + " belongs to DeployOptions.DescriptorImpl")
                    .doesNotContain(method.getName());
        }
        List<String> own = java.util.Arrays.stream(DeployOptions.DescriptorImpl.class.getDeclaredMethods()).map(Method::getName).toList();
        assertThat(own).contains("doFillCliToolItems", "doFillKafkaSecurityProtocolItems", "doCheckNamespace");
    }

    /**
     * The global defaults are the same settings model: the System page includes DeployOptions' form with its descriptor
     * (so its help and checks), showing only what can be a default, and binds to the configuration's flat properties
     * (Configuration as Code's shape); no form, help file or check of its own.
     */
    @Test
    void theGlobalDefaultsUseTheSettingsForm() throws Exception {
        Path dir = PACKAGE.resolve("DataPipelinesConfiguration");
        String form = Files.readString(dir.resolve("config.jelly"));
        assertThat(formFields(dir.resolve("config.jelly"))).as("no entries of its own").isEmpty();
        assertThat(form).contains("<j:set var=\"globalDefaults\" value=\"${true}\"/>")
                .contains("<j:set var=\"descriptor\" value=\"${descriptor.optionsDescriptor}\"/>")
                .contains("<st:include page=\"config.jelly\" class=\"${descriptor.clazz}\"/>");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("one set of help files: DeployOptions'").containsExactly("config.jelly");
        }
        Set<String> global = dataBoundProperties(DataPipelinesConfiguration.class);
        assertThat(global).containsExactlyInAnyOrder("imageRepositoryPrefix", "namespace", "baseImage", "registryCredentialsId",
                "insecureRegistry", "kubeconfigCredentialsId", "kafkaBootstrapServers", "kafkaCredentialsId", "kafkaSaslMechanism",
                "kafkaSecurityProtocol", "timeout", "kafkaCidrs", "kafkaNamespaces", "kafkaPodLabels", "dnsNamespace", "dnsPodLabels",
                "metricsNamespaces");
        Path options = PACKAGE.resolve("DeployOptions");
        assertThat(formFields(options.resolve("config.jelly"))).containsAll(global);
        assertHelpFor(options, global);
        for (Method method : DataPipelinesConfiguration.class.getDeclaredMethods()) {
            assertThat(method.getName()).as("checks and fills live in DeployOptions.DescriptorImpl").doesNotStartWith("do");
        }
        // What only a deployment can have is hidden on the global page.
        String settingsForm = Files.readString(options.resolve("config.jelly"));
        for (String perDeployment : List.of("cliTool", "deployment", "image", "wait", "dryRun")) {
            assertThat(settingsForm).containsPattern("<j:if test=\"\\$\\{!globalDefaults\\}\">\\s*<f:entry field=\"" + perDeployment + "\"");
        }
        assertThat(settingsForm).containsPattern("<j:if test=\"\\$\\{globalDefaults\\}\">\\s*<f:entry field=\"imageRepositoryPrefix\"");
        assertThat(settingsForm).as("the shadow is a deployment's own, no default").containsPattern(
                "<j:if test=\"\\$\\{!globalDefaults\\}\">\\s*<f:section title=\"\\$\\{%Shadow\\}\">\\s*<f:entry field=\"shadow\"");
    }

    @Test
    void theJobsBuildStepEmbedsTheSettings() throws Exception {
        Path dir = PACKAGE.resolve("DataPipelineBuilder");
        Set<String> fields = formFields(dir.resolve("config.jelly"));
        assertThat(fields).containsExactlyInAnyOrder("definition", "definitionFile");
        assertThat(dataBoundProperties(DataPipelineBuilder.class)).containsExactlyInAnyOrder("definition", "definitionFile", "options");
        NodeList properties = parse(dir.resolve("config.jelly"), null).getElementsByTagNameNS("/lib/form", "property");
        assertThat(properties.getLength()).isEqualTo(1);
        assertThat(((Element) properties.item(0)).getAttribute("field")).isEqualTo("options");
        assertHelpFor(dir, fields);
        assertThat(dir.resolve("help.html")).as("the build step's own help").exists();
        for (String setting : dataBoundProperties(DeployOptions.class)) {
            assertThat(dir.resolve("help-" + setting + ".html")).as("help lives with the settings, once").doesNotExist();
        }
        assertChecksAndFillsAreTheSettingsOwn(DataPipelineBuilder.DescriptorImpl.class);
        assertThat(Files.readString(dir.resolve("config.jelly"))).as("a YAML editor").contains("codemirror-mode=\"yaml\"");
    }

    /**
     * The Global Tool Configuration: the installation's form (core adds the installers under it) and each installer's,
     * with a getter per field (the form shows what is saved) and help; the Maven installer's advanced fields are
     * data-bound setters.
     */
    @Test
    void theCliToolInstallationAndItsInstallersHaveFormsWithHelp() throws Exception {
        assertToolForm(DataPipelinesCliInstallation.class, Set.of("name", "home"), Set.of("home"));
        assertToolForm(CliUrlInstaller.class, Set.of("url", "sha256"), Set.of("url", "sha256"));
        assertToolForm(CliMavenInstaller.class, Set.of("repositoryUrl", "version", "sha256", "groupId", "artifactId", "classifier"),
                Set.of("repositoryUrl", "version", "sha256"));
        assertThat(dataBoundProperties(CliMavenInstaller.class)).containsExactlyInAnyOrder("groupId", "artifactId", "classifier");
        for (Class<?> installer : List.of(CliUrlInstaller.class, CliMavenInstaller.class)) {
            assertThat(Files.readString(PACKAGE.resolve(installer.getSimpleName()).resolve("config.jelly")))
                    .as("the installer's label, as core's installers show it").contains("<t:label/>");
        }
    }

    private static void assertToolForm(Class<?> type, Set<String> fields, Set<String> withHelp) throws Exception {
        Path dir = PACKAGE.resolve(type.getSimpleName());
        assertThat(formFields(dir.resolve("config.jelly"))).as(type.getSimpleName()).isEqualTo(new TreeSet<>(fields));
        for (String field : fields) {
            type.getMethod("get" + Character.toUpperCase(field.charAt(0)) + field.substring(1));
        }
        assertHelpFor(dir, withHelp);
    }

    private static void assertHelpFor(Path dir, Set<String> fields) {
        List<String> missing = new ArrayList<>();
        for (String field : fields) {
            if (!Files.exists(dir.resolve("help-" + field + ".html"))) {
                missing.add("help-" + field + ".html");
            }
        }
        if (!missing.isEmpty()) {
            fail(dir + " lacks " + missing);
        }
    }

    @Test
    void everyMessageKeyIsAValidPattern() throws Exception {
        java.util.Properties messages = new java.util.Properties();
        try (var in = Files.newInputStream(PACKAGE.resolve("Messages.properties"))) {
            messages.load(in);
        }
        assertThat(messages).isNotEmpty();
        for (String key : messages.stringPropertyNames()) {
            new java.text.MessageFormat(messages.getProperty(key)); // throws on a broken pattern
        }
        assertThat(Messages.FieldChecks_NotDnsLabel("Prod")).startsWith("'Prod' is not a valid Kubernetes name");
    }
}
