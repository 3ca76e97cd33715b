package io.camelconnectly.component.connectly.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The shared Connectly fixtures ({@code ../shared/connectly-fixtures} beside the repository), read as exact bytes:
 * signatures depend on every byte. Override the location with -Dconnectly.fixtures=/path.
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

    private static final Path DIR = locate();

    private WebhookFixtures() {
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixture " + DIR.resolve(name), e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String sign(byte[] body) {
        return WebhookSignatureVerifier.sign(body, SECRET);
    }

    private static Path locate() {
        String configured = System.getProperty("connectly.fixtures");
        if (configured != null) {
            return Paths.get(configured);
        }
        for (String candidate : new String[] { "../../shared/connectly-fixtures", "../shared/connectly-fixtures" }) {
            Path path = Paths.get(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                return path;
            }
        }
        throw new IllegalStateException("Connectly fixtures not found beside the repository (../shared/connectly-fixtures); "
                                        + "set -Dconnectly.fixtures=/path/to/connectly-fixtures");
    }
}
