package io.datapipelines.embedded;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The broker of an integration test class, as a static extension field: started before the class's
 * {@code @BeforeAll} methods, closed after its {@code @AfterAll} methods.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension<EmbeddedKafka> KAFKA = KafkaBrokerExtension.embedded();
 * }</pre>
 *
 * A test that needs a broker it can stop and restart passes its own starter to {@link #of} (a forked
 * broker, configured from {@link BrokerSettings} like every other).
 *
 * @param <B> the kind of broker
 */
public final class KafkaBrokerExtension<B extends KafkaBroker> implements BeforeAllCallback, AfterAllCallback {

    /** Starts a broker and waits until it answers. */
    @FunctionalInterface
    public interface Starter<B> {
        B start() throws Exception;
    }

    private final Starter<B> starter;
    private B broker;

    private KafkaBrokerExtension(Starter<B> starter) {
        this.starter = starter;
    }

    /** A single-node broker in the test's JVM ({@link EmbeddedKafka}). */
    public static KafkaBrokerExtension<EmbeddedKafka> embedded() {
        return new KafkaBrokerExtension<>(EmbeddedKafka::start);
    }

    /** A broker the starter gives (say a forked one that a test restarts). */
    public static <B extends KafkaBroker> KafkaBrokerExtension<B> of(Starter<B> starter) {
        return new KafkaBrokerExtension<>(starter);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (broker != null) {
            throw new IllegalStateException("the broker of " + context.getDisplayName() + " is already running: register the extension on a static field");
        }
        broker = starter.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        B running = broker;
        broker = null;
        if (running != null) {
            running.close();
        }
    }

    /** The running broker. */
    public B broker() {
        if (broker == null) {
            throw new IllegalStateException("no broker: it runs from before the test class's @BeforeAll methods to after its @AfterAll methods");
        }
        return broker;
    }

    public String bootstrapServers() {
        return broker().bootstrapServers();
    }
}
