package io.camelconnectly.routes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.camelconnectly.component.connectly.ConnectlyConstants;
import io.camelconnectly.component.connectly.webhook.InboundMessageEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The routing rules of {@code connectly-inbound-router}: which endpoint gets a customer's reply, by the payload of the
 * button pressed, the id of the list row picked, or a keyword the text starts with; everything else goes to the
 * default endpoint. Each rule set is {@code key=endpoint-uri} pairs separated by commas. Parsed and checked once, when
 * the Kamelet's route is created, so a typo stops the application at start instead of losing replies later.
 */
public class InboundRouteTable implements CamelContextAware {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Exchange variable holding the chosen endpoint URI for the Kamelet's toD step. */
    public static final String TARGET_VARIABLE = "connectlyInboundTarget";

    private CamelContext camelContext;
    private String buttons;
    private String listRows;
    private String keywords;
    private String defaultEndpoint;

    private Map<String, String> byPayload = Map.of();
    private Map<String, String> byRowId = Map.of();
    /** Longest keyword first, so "opt out" wins over "opt". */
    private List<Map.Entry<String, String>> byKeyword = List.of();

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public void setButtons(String buttons) {
        this.buttons = buttons;
    }

    public void setListRows(String listRows) {
        this.listRows = listRows;
    }

    public void setKeywords(String keywords) {
        this.keywords = keywords;
    }

    public void setDefaultEndpoint(String defaultEndpoint) {
        this.defaultEndpoint = defaultEndpoint;
    }

    /** Called by the Kamelet when its route is created. */
    public void parse() {
        if (defaultEndpoint == null || defaultEndpoint.isBlank()) {
            throw new IllegalArgumentException("connectly-inbound-router: parameter defaultEndpoint is required: the endpoint "
                                               + "that gets every reply no rule matches, e.g. direct:agent-inbox");
        }
        defaultEndpoint = checkedEndpoint("defaultEndpoint", defaultEndpoint.trim());
        byPayload = rules("buttons", buttons, false);
        byRowId = rules("listRows", listRows, false);
        List<Map.Entry<String, String>> keywordRules = new ArrayList<>(rules("keywords", keywords, true).entrySet());
        keywordRules.sort(Comparator.comparingInt((Map.Entry<String, String> rule) -> rule.getKey().length()).reversed());
        byKeyword = List.copyOf(keywordRules);
        if (byPayload.isEmpty() && byRowId.isEmpty() && byKeyword.isEmpty()) {
            throw new IllegalArgumentException("connectly-inbound-router: give at least one of buttons, listRows or keywords "
                                               + "(key=endpoint pairs, comma-separated), e.g. buttons=yes=direct:confirm,"
                                               + "no=direct:cancel");
        }
    }

    /** Chooses the endpoint of this reply: sets header CamelConnectlyInboundRoute and variable connectlyInboundTarget. */
    public void route(Exchange exchange) {
        Message message = exchange.getMessage();
        Map.Entry<String, String> match = null;
        if (message.getBody() instanceof InboundMessageEvent event) {
            switch (event.getType()) {
                case BUTTON_REPLY:
                    match = match("button:", byPayload, pressed(event.getButtonResponse()));
                    break;
                case LIST_REPLY:
                    match = match("list:", byRowId, event.getListResponse() == null ? null : event.getListResponse().id());
                    break;
                case TEXT:
                    match = keywordOf(event.getText());
                    break;
                default:
                    break;
            }
        }
        message.setHeader(ConnectlyRoutes.INBOUND_ROUTE, match == null ? "default" : match.getKey());
        exchange.setVariable(TARGET_VARIABLE, match == null ? defaultEndpoint : match.getValue());
    }

    /** The button's payload; the legacy shape has none, and then its text is what the customer chose. */
    private static String pressed(InboundMessageEvent.ButtonResponse button) {
        if (button == null) {
            return null;
        }
        return button.payload() != null ? button.payload() : button.text();
    }

    /** The rule name and endpoint for this key, or null. */
    private static Map.Entry<String, String> match(String kind, Map<String, String> rules, String key) {
        String target = key == null ? null : rules.get(key.trim());
        return target == null ? null : Map.entry(kind + key.trim(), target);
    }

    /** Lower case, words separated by single spaces: how keywords and texts are compared. */
    private static String words(String text) {
        return String.join(" ", WHITESPACE.split(text.trim().toLowerCase(Locale.ROOT)));
    }

    /** A keyword matches the whole text, or its first words: "STOP", "stop please"; case and spacing do not matter. */
    private Map.Entry<String, String> keywordOf(String text) {
        if (text == null) {
            return null;
        }
        String normalised = words(text);
        for (Map.Entry<String, String> rule : byKeyword) {
            String keyword = rule.getKey();
            if (normalised.equals(keyword) || normalised.startsWith(keyword + " ")) {
                return Map.entry("keyword:" + keyword, rule.getValue());
            }
        }
        return null;
    }

    private Map<String, String> rules(String parameter, String value, boolean keyword) {
        Map<String, String> rules = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return rules;
        }
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? "" : pair.substring(0, equals).trim();
            String uri = equals < 0 ? "" : pair.substring(equals + 1).trim();
            if (key.isEmpty() || uri.isEmpty()) {
                throw new IllegalArgumentException("connectly-inbound-router: parameter " + parameter + " has '" + pair.trim()
                                                   + "'; each rule is key=endpoint-uri, rules separated by commas, e.g. "
                                                   + "track=direct:track-order,cancel=direct:cancel-order");
            }
            if (keyword) {
                key = words(key);
            }
            if (rules.put(key, checkedEndpoint(parameter, uri)) != null) {
                throw new IllegalArgumentException("connectly-inbound-router: parameter " + parameter + " names '" + key
                                                   + "' twice; each " + (keyword ? "keyword" : "key") + " may route to one "
                                                   + "endpoint only");
            }
        }
        return Map.copyOf(rules);
    }

    /** Resolves the endpoint now: an unknown scheme or bad option fails the start, naming the parameter. */
    private String checkedEndpoint(String parameter, String uri) {
        if (camelContext != null) {
            try {
                if (camelContext.getEndpoint(uri) == null) {
                    throw new IllegalArgumentException("no endpoint for this URI");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("connectly-inbound-router: parameter " + parameter + " routes to '" + uri
                                                   + "', which is not a usable endpoint: " + e.getMessage(),
                        e);
            }
        }
        return uri;
    }
}
