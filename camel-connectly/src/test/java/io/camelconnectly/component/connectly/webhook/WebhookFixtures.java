package io.camelconnectly.component.connectly.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Connectly fixtures, read as exact bytes from the module's {@code src/test/resources/fixtures} (on the test
 * classpath as {@code /fixtures}): signatures depend on every byte. The copies are byte-exact copies of the shared
 * {@code connectly-fixtures}, which FixturesInSyncTest checks whenever that directory is beside the repository.
 */
public final class WebhookFixtures {

    public static final String SECRET = "whsec_test_5f2b9c7e1a4d";
    public static final String WRONG_SECRET = "whsec_test_WRONG";

    /** signature.txt vector 1: the compact inbound text body. */
    public static final String COMPACT_INBOUND_TEXT
            = "{\"timestamp\":\"1717430400\",\"sender\":{\"id\":\"+16045550123\",\"channelType\":\"whatsapp\",\"name\":\"Ana Souza\"},"
              + "\"recipient\":{\"id\":\"+14155550100\",\"channelType\":\"whatsapp\",\"name\":\"acme_store\"},"
              + "\"message\":{\"text\":\"Where is my order?\"}}";
    public static final String VECTOR_1_SIGNATURE = "9pVznusCQBjr4x1Bf8EGjrrt+3N3EXWaeBEMPcnhP/Y=";
    public static final String VECTOR_2_SIGNATURE = "w8IrQGa5OYRhl/Qg+H2kgKKTWfRPEOXU7So1S4oush8=";
    public static final String VECTOR_3_SIGNATURE = "D+j9cag43wC+GEQ9+xEoxud0oIIqovxe8RPpe5xxiho=";
    public static final String NEGATIVE_SIGNATURE = "LvCjXjMnkEbnNCgj9o+VDbuiZ9BFN1iQt26FuERyB8M=";

    /** Where the fixtures are on the test classpath, and in the module: src/test/resources + this. */
    public static final String DIRECTORY = "fixtures";

    private WebhookFixtures() {
    }

    public static byte[] bytes(String name) {
        String resource = "/" + DIRECTORY + "/" + name;
        try (InputStream in = WebhookFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name + " in src/test/resources/" + DIRECTORY);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixture " + resource, e);
        }
    }

    /** A fixture as UTF-8 text. */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String sign(byte[] body) {
        return WebhookSignatureVerifier.sign(body, SECRET);
    }
}
