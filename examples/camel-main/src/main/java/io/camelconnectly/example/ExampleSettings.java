package io.camelconnectly.example;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.util.TimeUtils;

/**
 * The example's settings, read through Camel's properties component: {@code application.properties}, overridden by an
 * environment variable of the same name in upper case with {@code _} for {@code .} and {@code -}
 * ({@code example.simulator.port} is {@code EXAMPLE_SIMULATOR_PORT}) or by a JVM system property. A bad value fails
 * the start with the property, its environment variable, the value and what is allowed.
 */
final class ExampleSettings {

    private final PropertiesComponent properties;

    ExampleSettings(CamelContext context) {
        this.properties = context.getPropertiesComponent();
    }

    /** The value, or empty when the property is missing or blank. */
    Optional<String> optional(String key) {
        return properties.resolveProperty(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    String text(String key) {
        return optional(key).orElseThrow(() -> invalid(key, "", "a value"));
    }

    boolean flag(String key) {
        return flag(key, null);
    }

    /** {@code true} or {@code false}; {@code whenBlank} when the property is empty (null: required). */
    boolean flag(String key, Boolean whenBlank) {
        Optional<String> value = optional(key);
        if (value.isEmpty() && whenBlank != null) {
            return whenBlank;
        }
        String text = value.orElse("").toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw invalid(key, value.orElse(""), "true or false");
    }

    /** A TCP port; 0 picks a free one. */
    int port(String key) {
        return integer(key, 0, 65535, "a port number from 0 (any free port) to 65535");
    }

    int positive(String key) {
        return integer(key, 1, Integer.MAX_VALUE, "a whole number of at least 1");
    }

    private int integer(String key, int min, int max, String allowed) {
        String value = text(key);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, value, allowed);
    }

    /** A duration such as {@code 500ms}, {@code 2s}, {@code 1m} or plain milliseconds. */
    Duration duration(String key) {
        return duration(key, text(key), "a duration such as 500ms, 2s or 1m");
    }

    /** A duration, or empty when the property is blank or {@code off}. */
    Optional<Duration> optionalDuration(String key) {
        Optional<String> value = optional(key);
        if (value.isEmpty() || value.get().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        return Optional.of(duration(key, value.get(), "a duration such as 500ms, 2s or 1m, or off"));
    }

    private static Duration duration(String key, String value, String allowed) {
        try {
            Duration duration = TimeUtils.toDuration(value);
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw invalid(key, value, allowed);
    }

    /** Sets a property that wins over every other source, for values the example computes (simulator URL, ports). */
    void override(String key, Object value) {
        properties.addOverrideProperty(key, String.valueOf(value));
    }

    static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static IllegalArgumentException invalid(String key, String value, String allowed) {
        return new IllegalArgumentException("Property " + key + " (environment variable " + environmentVariable(key)
                                            + ") is '" + value + "': expected " + allowed);
    }
}
