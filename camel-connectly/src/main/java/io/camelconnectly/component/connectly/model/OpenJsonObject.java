package io.camelconnectly.component.connectly.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * A wire object whose fields are not all known (Connectly adds fields, or the shape is inferred): the fields its class
 * does not model are kept, so they are sent as given and read as received.
 */
public abstract class OpenJsonObject {

    private Map<String, Object> additionalProperties;

    /** Fields this class does not model, or null when there were none. */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        if (additionalProperties == null) {
            additionalProperties = new LinkedHashMap<>();
        }
        additionalProperties.put(name, value);
    }
}
