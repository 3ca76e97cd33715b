package io.camelconnectly.component.connectly.model;

import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/** Readable, bounded {@code toString} parts of the answer models (they end up in {@code .log("${body}")}). */
final class ModelText {

    private static final int MAX_ITEMS = 10;

    private ModelText() {
    }

    /** At most ten items, then how many more. */
    static <T> String items(List<T> items, Function<T, String> text) {
        if (items == null) {
            return "[]";
        }
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < items.size() && i < MAX_ITEMS; i++) {
            joiner.add(items.get(i) == null ? "null" : text.apply(items.get(i)));
        }
        if (items.size() > MAX_ITEMS) {
            joiner.add("... " + (items.size() - MAX_ITEMS) + " more");
        }
        return joiner.toString();
    }

    /** MESSAGE_TEMPLATE_STATUS_APPROVED as APPROVED. */
    static String status(String status) {
        return status != null && status.startsWith("MESSAGE_TEMPLATE_STATUS_")
                ? status.substring("MESSAGE_TEMPLATE_STATUS_".length()) : status;
    }
}
