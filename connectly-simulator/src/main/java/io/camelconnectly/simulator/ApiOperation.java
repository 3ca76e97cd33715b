package io.camelconnectly.simulator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The Connectly operations the simulator serves, named by their path under {@code /v1/businesses/{businessId}/}
 * (the id of update and delete webhook left out). Faults select operations with these names.
 */
public enum ApiOperation {
    SEND_MESSAGE("send/messages", "POST"),
    SEND_TEMPLATE("send/whatsapp_templated_messages", "POST"),
    SEND_CAMPAIGNS("send/campaigns", "POST"),
    GET_TEMPLATES("get/templates", "POST"),
    CREATE_TEMPLATE("create/template", "POST"),
    QUALITY_SIGNALS("get/quality_signals", "GET"),
    CREATE_WEBHOOK("create/webhooks", "POST"),
    LIST_WEBHOOKS("webhooks", "GET"),
    UPDATE_WEBHOOK("update/webhooks", "PUT"),
    DELETE_WEBHOOK("delete/webhooks", "DELETE");

    /** The operations that send messages (and count against Connectly's rate limit). */
    public static final Set<ApiOperation> SENDS = Set.copyOf(EnumSet.of(SEND_MESSAGE, SEND_TEMPLATE, SEND_CAMPAIGNS));
    /** The name that selects {@link #SENDS} in the {@code /_sim/faults} JSON and on the command line. */
    public static final String SENDS_ALIAS = "sends";

    private final String path;
    private final String method;

    ApiOperation(String path, String method) {
        this.path = path;
        this.method = method;
    }

    /** The path under {@code /v1/businesses/{businessId}/}, e.g. {@code send/messages}. */
    public String path() {
        return path;
    }

    /** The HTTP method the operation takes. */
    public String method() {
        return method;
    }

    /** Whether the path ends in a webhook id ({@code update/webhooks/{id}}, {@code delete/webhooks/{id}}). */
    boolean takesId() {
        return this == UPDATE_WEBHOOK || this == DELETE_WEBHOOK;
    }

    /**
     * The operation at a request path (after the business id), or null when there is none. Plain string comparison:
     * this runs for every API request.
     */
    static ApiOperation at(String operationPath) {
        for (ApiOperation operation : values()) {
            if (operation.takesId()) {
                String prefix = operation.path;
                if (operationPath.length() > prefix.length() + 1 && operationPath.startsWith(prefix)
                        && operationPath.charAt(prefix.length()) == '/' && operationPath.indexOf('/', prefix.length() + 1) < 0) {
                    return operation;
                }
            } else if (operation.path.equals(operationPath)) {
                return operation;
            }
        }
        return null;
    }

    /** Parses names such as {@code send/messages} or {@code sends}; the error lists what is allowed. */
    static Set<ApiOperation> parse(Iterable<String> names) {
        Set<ApiOperation> operations = EnumSet.noneOf(ApiOperation.class);
        for (String name : names) {
            if (SENDS_ALIAS.equals(name)) {
                operations.addAll(SENDS);
                continue;
            }
            ApiOperation found = null;
            for (ApiOperation operation : values()) {
                if (operation.path.equals(name)) {
                    found = operation;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown operation '" + name + "'; use " + SENDS_ALIAS + " or one of " + paths());
            }
            operations.add(found);
        }
        return operations;
    }

    static List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (ApiOperation operation : values()) {
            paths.add(operation.path);
        }
        return paths;
    }
}
