package io.camelconnectly.component.connectly;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private ConnectlyJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
