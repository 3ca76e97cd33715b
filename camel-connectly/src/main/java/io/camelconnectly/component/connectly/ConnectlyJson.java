package io.camelconnectly.component.connectly;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The component's one JSON mapper. Lenient on input (Connectly adds fields, sends nulls) and compact on output.
 * Thread-safe once configured; share it, never create one per message.
 */
public final class ConnectlyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE, true)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** A thread keeps the buffer of a body up to this size for its next one; a larger one is let go. */
    private static final int KEPT_BUFFER_BYTES = 8 * 1024;

    private static final ThreadLocal<BodyWriter> BODY_WRITERS = new ThreadLocal<>();

    private ConnectlyJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The value as compact UTF-8 JSON, exactly as {@code mapper().writeValueAsBytes(value)} writes it. Each thread
     * writes through one generator and buffer of its own, kept between calls: a message then allocates its bytes and
     * nothing else (a generator, its contexts and a serializer provider per call are most of what JSON costs a send).
     */
    public static byte[] writeBytes(Object value) throws JsonProcessingException {
        BodyWriter writer = BODY_WRITERS.get();
        if (writer == null) {
            writer = newBodyWriter();
            BODY_WRITERS.set(writer);
        } else if (writer.busy) {
            // a serializer writing JSON from within: never share the generator
            return MAPPER.writeValueAsBytes(value);
        }
        writer.busy = true;
        try {
            byte[] bytes = writer.write(value);
            if (bytes.length > KEPT_BUFFER_BYTES) {
                BODY_WRITERS.remove();
            }
            return bytes;
        } catch (JsonProcessingException | RuntimeException | Error e) {
            // a value that failed half-way leaves the generator in an unknown state: start the next one afresh
            BODY_WRITERS.remove();
            throw e;
        } catch (IOException e) {
            // not thrown by an in-memory buffer; reported as writeValueAsBytes reports it
            BODY_WRITERS.remove();
            throw JsonMappingException.fromUnexpectedIOE(e);
        } finally {
            writer.busy = false;
        }
    }

    private static BodyWriter newBodyWriter() throws JsonProcessingException {
        try {
            return new BodyWriter();
        } catch (IOException e) {
            throw JsonMappingException.fromUnexpectedIOE(e);
        }
    }

    /** One thread's generator: root values written one after the other, each taken out of the buffer on its own. */
    private static final class BodyWriter {
        private final ByteArrayBuilder buffer = new ByteArrayBuilder(512);
        private final SequenceWriter sequence;
        private boolean busy;

        BodyWriter() throws IOException {
            // no separator between root values: each value's bytes are taken out before the next is written
            sequence = MAPPER.writer().withRootValueSeparator("").writeValues(buffer);
        }

        byte[] write(Object value) throws IOException {
            try {
                // SequenceWriter flushes after each value (FLUSH_AFTER_WRITE_VALUE is on by default)
                sequence.write(value);
                return buffer.toByteArray();
            } finally {
                buffer.reset();
            }
        }
    }
}
