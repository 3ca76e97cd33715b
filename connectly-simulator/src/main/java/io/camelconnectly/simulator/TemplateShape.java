package io.camelconnectly.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the simulator reads out of a template's {@code templateComponents}. This is the one place that knows the
 * component JSON shape (reference §2.4/§2.5: objects keyed {@code header}/{@code body}/{@code footer}/{@code buttons},
 * text under {@code <key>.text.text}, media under {@code header.media.type}; the button shape is inferred and read
 * leniently: {@code {"buttons":{"buttons":[{"url":{..}}, {"quickReply":{"text":"Track"}}]}}}), so a change of shape is
 * made here.
 */
final class TemplateShape {

    /** URL shorteners Meta rejects in template buttons. */
    private static final Set<String> URL_SHORTENERS = Set.of("bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly",
            "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "t.ly", "s.id", "bl.ink");

    static final int MAX_BODY_LENGTH = 1024;
    static final int MAX_HEADER_TEXT_LENGTH = 60;
    static final int MAX_FOOTER_LENGTH = 60;
    static final int MAX_BUTTONS = 10;

    String headerText;
    /** TYPE_IMAGE, TYPE_VIDEO, TYPE_DOCUMENT or null. */
    String headerMediaType;
    String bodyText;
    String footerText;
    final List<String> buttonUrls = new ArrayList<>(); // null entries for buttons without a URL
    /** The texts of the quick-reply buttons, in order: what a customer can tap. */
    final List<String> quickReplies = new ArrayList<>();
    final List<String> formatProblems = new ArrayList<>();

    static TemplateShape read(JsonNode components) {
        TemplateShape shape = new TemplateShape();
        if (components == null || !components.isArray() || components.isEmpty()) {
            shape.formatProblems.add("template_components must be a non-empty array");
            return shape;
        }
        for (JsonNode component : components) {
            if (!component.isObject() || component.size() != 1) {
                shape.formatProblems.add("each template component must be an object with exactly one of header, body, footer, buttons");
                continue;
            }
            String kind = component.fieldNames().next();
            JsonNode value = component.get(kind);
            switch (kind) {
                case "header":
                    if (value.path("text").isObject()) {
                        shape.headerText = value.path("text").path("text").asText(null);
                    } else if (value.path("media").isObject()) {
                        shape.headerMediaType = value.path("media").path("type").asText("");
                    } else {
                        shape.formatProblems.add("header must contain text.text or media.type");
                    }
                    break;
                case "body":
                    shape.bodyText = value.path("text").path("text").asText(null);
                    break;
                case "footer":
                    shape.footerText = value.path("text").path("text").asText(null);
                    break;
                case "buttons":
                    JsonNode list = value.isArray() ? value : value.path("buttons");
                    if (!list.isArray()) {
                        shape.formatProblems.add("buttons must be an array of buttons");
                        break;
                    }
                    for (JsonNode button : list) {
                        shape.buttonUrls.add(buttonUrl(button));
                        String quickReply = quickReplyText(button);
                        if (quickReply != null) {
                            shape.quickReplies.add(quickReply);
                        }
                    }
                    break;
                default:
                    shape.formatProblems.add("unknown template component '" + kind + "' (allowed: header, body, footer, buttons)");
            }
        }
        shape.checkFormat();
        return shape;
    }

    /** Reads a quick-reply button's text from {"quickReply":{"text":..}} or Meta's {"type":"QUICK_REPLY","text":..}. */
    private static String quickReplyText(JsonNode button) {
        if (button.path("quickReply").path("text").isTextual()) {
            return button.path("quickReply").path("text").asText();
        }
        if ("QUICK_REPLY".equalsIgnoreCase(button.path("type").asText()) && button.path("text").isTextual()) {
            return button.path("text").asText();
        }
        return null;
    }

    /** Reads a button's URL from {"type":"URL","url":..}, {"url":{"url":..}} or {"url":".."}. */
    private static String buttonUrl(JsonNode button) {
        JsonNode url = button.path("url");
        if (url.isTextual()) {
            return url.asText();
        }
        if (url.isObject() && url.path("url").isTextual()) {
            return url.path("url").asText();
        }
        return null;
    }

    private void checkFormat() {
        if (bodyText == null || bodyText.isBlank()) {
            formatProblems.add("the body text is missing or empty");
        } else if (bodyText.length() > MAX_BODY_LENGTH) {
            formatProblems.add("the body text has " + bodyText.length() + " characters, more than " + MAX_BODY_LENGTH);
        }
        if (headerText != null && headerText.length() > MAX_HEADER_TEXT_LENGTH) {
            formatProblems.add("the header text has more than " + MAX_HEADER_TEXT_LENGTH + " characters");
        }
        if (headerMediaType != null && !Set.of("TYPE_IMAGE", "TYPE_VIDEO", "TYPE_DOCUMENT").contains(headerMediaType)) {
            formatProblems.add("header media type '" + headerMediaType + "' is not TYPE_IMAGE, TYPE_VIDEO or TYPE_DOCUMENT");
        }
        if (footerText != null && footerText.length() > MAX_FOOTER_LENGTH) {
            formatProblems.add("the footer text has more than " + MAX_FOOTER_LENGTH + " characters");
        }
        if (buttonUrls.size() > MAX_BUTTONS) {
            formatProblems.add("a template has at most " + MAX_BUTTONS + " buttons");
        }
        for (String text : new String[] {headerText, bodyText, footerText}) {
            if (text != null && variables(text) == null) {
                formatProblems.add("malformed variable placeholder in '" + text + "': write {{1}}, {{2}}, ...");
            }
        }
    }

    /** Why Meta would reject this template, or null when it would be approved. */
    String rejectionDetail() {
        if (!formatProblems.isEmpty()) {
            return String.join("; ", formatProblems);
        }
        for (String[] part : new String[][] {{"header", headerText}, {"body", bodyText}}) {
            String problem = sequenceProblem(part[0], part[1]);
            if (problem != null) {
                return problem;
            }
        }
        for (int i = 0; i < buttonUrls.size(); i++) {
            String host = host(buttonUrls.get(i));
            if (host != null && URL_SHORTENERS.contains(host)) {
                return "button " + (i + 1) + " uses the URL shortener " + host + "; use the full destination URL";
            }
        }
        return null;
    }

    private static String sequenceProblem(String where, String text) {
        if (text == null) {
            return null;
        }
        List<Integer> vars = variablesOrEmpty(text);
        Set<Integer> distinct = new LinkedHashSet<>(vars);
        int expected = 1;
        for (int n : distinct) {
            if (n != expected) {
                return "the " + where + " variables are not numbered in sequence: found {{" + n + "}} where {{" + expected
                        + "}} was expected (found " + distinct + ")";
            }
            expected++;
        }
        return null;
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.replace("{{", "").replace("}}", "")).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The parameter names a send of this template must carry, in a stable order. */
    Set<String> requiredParameters() {
        Set<String> names = new LinkedHashSet<>();
        if (headerText != null && !variablesOrEmpty(headerText).isEmpty()) {
            names.add("header_text");
        }
        if (headerMediaType != null) {
            switch (headerMediaType) {
                case "TYPE_IMAGE" -> names.add("header_image");
                case "TYPE_VIDEO" -> names.add("header_video");
                case "TYPE_DOCUMENT" -> names.add("header_document");
                default -> { }
            }
        }
        if (bodyText != null) {
            int max = 0;
            for (int n : variablesOrEmpty(bodyText)) {
                max = Math.max(max, n);
            }
            for (int n = 1; n <= max; n++) {
                names.add("body_" + n);
            }
        }
        for (int i = 0; i < buttonUrls.size(); i++) {
            String url = buttonUrls.get(i);
            if (url != null && url.contains("{{")) {
                names.add("button_" + (i + 1) + "_url");
            }
        }
        return names;
    }

    /** Malformed placeholders are reported by checkFormat; elsewhere they count as no variables. */
    private static List<Integer> variablesOrEmpty(String text) {
        List<Integer> vars = variables(text);
        return vars == null ? List.of() : vars;
    }

    /**
     * The variable numbers in order of appearance ({@code "{{1}} and {{3}}"} gives [1, 3]), or null when a
     * placeholder is malformed ({@code {{a}}}, {@code {{ 1 }}}, an unclosed {@code {{}).
     */
    static List<Integer> variables(String text) {
        List<Integer> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            if (open < 0) {
                return out;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0 || close == open + 2 || close - open - 2 > 3) {
                return null;
            }
            int n = 0;
            for (int i = open + 2; i < close; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                n = n * 10 + (c - '0');
            }
            if (n == 0) {
                return null;
            }
            out.add(n);
            from = close + 2;
        }
    }

    /** The body as the customer sees it, {{N}} replaced by the parameter body_N. */
    static String fill(String text, java.util.Map<String, String> params, String prefix) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
            if (open < 0 || close < 0) {
                out.append(text, from, text.length());
                return out.toString();
            }
            out.append(text, from, open);
            String value = params.get(prefix + text.substring(open + 2, close));
            out.append(value != null ? value : text.substring(open, close + 2));
            from = close + 2;
        }
    }
}
