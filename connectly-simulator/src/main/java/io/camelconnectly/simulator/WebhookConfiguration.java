package io.camelconnectly.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A webhook registration's {@code configuration}: validated and compiled once when the registration is created or
 * updated, then applied to every event for it. The one place for the filter rules, which the reference only sketches
 * (§2.8: "{@code filters[{field, expression}]} (glob on e.g. {@code campaign_name})", "{@code channelTypes} array"),
 * so the details below are inferred:
 * <ul>
 *   <li>an event is posted only if <em>every</em> filter matches;</li>
 *   <li>supported field: {@code campaign_name}, the campaign name the message was sent with (the {@code campaignName}
 *       of a session or template send, or the campaign of a sendout). Customer events ({@code messages} topic) carry
 *       none. An event without a value for the field does not match;</li>
 *   <li>{@code expression} is a glob over the whole value: {@code *} any run of characters, {@code ?} one character,
 *       everything else literal, case-sensitive;</li>
 *   <li>an unknown field is refused with 400 naming the supported ones (the simulator's choice: Connectly does not
 *       document its list, and an early error beats a registration that silently never fires);</li>
 *   <li>{@code channelTypes} absent or null: every channel; present without {@code whatsapp} (even empty): nothing is
 *       posted, as the simulator only has WhatsApp;</li>
 *   <li>{@code echo} is stored and returned but not applied.</li>
 * </ul>
 */
final class WebhookConfiguration {

    static final String SIMULATED_CHANNEL = "whatsapp";

    /** What filters can look at in one event; add a component and a {@link #FIELDS} entry for a new field. */
    record EventFields(String campaignName) {
        static final EventFields NONE = new EventFields(null);
    }

    /** Supported filter fields and how each is read from an event. */
    private static final Map<String, Function<EventFields, String>> FIELDS =
            new TreeMap<>(Map.of("campaign_name", EventFields::campaignName));

    private record Filter(String field, String expression, Function<EventFields, String> value, Pattern glob) {
    }

    /** The configuration as given (or the defaults), returned by create, list and update. */
    final JsonNode json;
    private final List<Filter> filters;
    /** Why every event is refused because of channelTypes, or null when WhatsApp is selected. */
    private final String channelRejection;

    private WebhookConfiguration(JsonNode json, List<Filter> filters, String channelRejection) {
        this.json = json;
        this.filters = filters;
        this.channelRejection = channelRejection;
    }

    /** Validates and compiles a request's {@code configuration}; null means the defaults. */
    static WebhookConfiguration parse(JsonNode configuration) {
        if (configuration == null || configuration.isNull()) {
            ObjectNode defaults = JsonNodeFactory.instance.objectNode();
            defaults.put("echo", false);
            defaults.putArray("channelTypes").add(SIMULATED_CHANNEL);
            defaults.putArray("filters");
            return new WebhookConfiguration(defaults, List.of(), null);
        }
        if (!configuration.isObject()) {
            throw ApiError.badRequest("configuration must be an object {echo, channelTypes, filters}");
        }
        return new WebhookConfiguration(configuration.deepCopy(), filters(configuration.get("filters")),
                channelRejection(configuration.get("channelTypes")));
    }

    /** Null when the event is to be posted, otherwise why not (for the delivery record). */
    String rejection(EventFields event) {
        if (channelRejection != null) {
            return channelRejection;
        }
        for (Filter filter : filters) {
            String value = filter.value.apply(event);
            if (value == null) {
                return "the event has no " + filter.field + " (filter " + filter.field + " '" + filter.expression + "')";
            }
            if (!filter.glob.matcher(value).matches()) {
                return filter.field + " '" + value + "' does not match '" + filter.expression + "'";
            }
        }
        return null;
    }

    private static List<Filter> filters(JsonNode filters) {
        if (filters == null || filters.isNull()) {
            return List.of();
        }
        if (!filters.isArray()) {
            throw ApiError.badRequest("configuration.filters must be an array of {\"field\": \"campaign_name\", "
                    + "\"expression\": \"<glob>\"}");
        }
        List<Filter> compiled = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            String path = "configuration.filters[" + i + "]";
            JsonNode filter = filters.get(i);
            if (!filter.isObject()) {
                throw ApiError.badRequest(path + " must be an object {\"field\": \"campaign_name\", \"expression\": \"<glob>\"}");
            }
            JsonNode field = filter.get("field");
            if (field == null || !field.isTextual() || field.asText().isEmpty()) {
                throw ApiError.badRequest(path + ".field is required: a string, one of " + FIELDS.keySet());
            }
            Function<EventFields, String> value = FIELDS.get(field.asText());
            if (value == null) {
                throw ApiError.badRequest(path + ".field '" + field.asText() + "' is not supported; supported fields: "
                        + FIELDS.keySet() + " (the simulator's list: Connectly does not document its own)");
            }
            JsonNode expression = filter.get("expression");
            if (expression == null || !expression.isTextual() || expression.asText().isEmpty()) {
                throw ApiError.badRequest(path + ".expression is required: a glob string such as \"spring_*\" "
                        + "(* = any characters, ? = one character, the rest literal)");
            }
            compiled.add(new Filter(field.asText(), expression.asText(), value, glob(expression.asText())));
        }
        return List.copyOf(compiled);
    }

    private static String channelRejection(JsonNode channelTypes) {
        if (channelTypes == null || channelTypes.isNull()) {
            return null;
        }
        if (!channelTypes.isArray()) {
            throw ApiError.badRequest("configuration.channelTypes must be an array of channel names such as [\"whatsapp\"]");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < channelTypes.size(); i++) {
            JsonNode name = channelTypes.get(i);
            if (!name.isTextual() || name.asText().isEmpty()) {
                throw ApiError.badRequest("configuration.channelTypes[" + i + "] must be a channel name such as \"whatsapp\"");
            }
            names.add(name.asText());
        }
        return names.contains(SIMULATED_CHANNEL) ? null
                : "channelTypes " + names + " do not include " + SIMULATED_CHANNEL + " (the only channel simulated)";
    }

    /** A glob as a whole-value regex: {@code *} = any run, {@code ?} = one character, the rest quoted. */
    static Pattern glob(String expression) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
