package io.camelconnectly.example;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelconnectly.component.connectly.client.ConnectlyException;
import io.camelconnectly.component.connectly.client.ConnectlyValidationException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * How a mail becomes a WhatsApp message: the customer is the first number in the subject that starts with a plus
 * sign ({@code +16045550123 Your invoice is ready}; spaces, dashes and dots between digits are allowed); the text is
 * the mail's plain text without quoted lines ({@code > ...}) and without the signature (after a {@code -- } line).
 */
public final class MailConventions {

    /** WhatsApp's longest text message. */
    static final int MAX_TEXT = 4096;
    /** The longest text the fallback template carries (its body is at most 1024 characters, variables included). */
    static final int MAX_TEMPLATE_TEXT = 900;

    private static final Pattern NUMBER = Pattern.compile("\\+\\d[\\d .-]{6,20}\\d");

    private MailConventions() {
    }

    public static String customerOf(String subject) {
        Matcher matcher = NUMBER.matcher(subject == null ? "" : subject);
        if (!matcher.find()) {
            throw new ConnectlyValidationException("mail subject", subject,
                    "put the customer's WhatsApp number first in the subject, e.g. '+16045550123 Your invoice is ready'");
        }
        return "+" + matcher.group().replaceAll("\\D", "");
    }

    public static String text(String body) {
        StringBuilder text = new StringBuilder();
        for (String line : (body == null ? "" : body).split("\\R")) {
            if (line.equals("-- ")) {
                break;
            }
            if (!line.startsWith(">")) {
                text.append(line).append('\n');
            }
        }
        String cleaned = text.toString().strip();
        if (cleaned.isEmpty()) {
            throw new ConnectlyValidationException("mail body", body, "write the message for the customer in the mail's text");
        }
        return cut(cleaned, MAX_TEXT);
    }

    /**
     * The text as a template variable: one line (WhatsApp refuses line breaks, tabs and runs of spaces in template
     * variables), at most {@value #MAX_TEMPLATE_TEXT} characters.
     */
    public static String templateText(String text) {
        String oneLine = String.join(" ", text.strip().split("\\s+"));
        return cut(oneLine, MAX_TEMPLATE_TEXT);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The address of a {@code From} header such as {@code Billing <billing@shop.example>}. */
    public static String address(String from) {
        try {
            return new InternetAddress(from, false).getAddress();
        } catch (AddressException e) {
            throw new ConnectlyValidationException("mail From", from, "a mail address to send the customer's reply to");
        }
    }

    public static String replySubject(String subject) {
        String original = subject == null ? "" : subject.strip();
        return original.regionMatches(true, 0, "Re:", 0, 3) ? original : "Re: " + original;
    }

    /**
     * The answer to a mail that could not be sent: the reason when the sender can act on it (a subject without a
     * number, Connectly's refusal), else only that it failed on our side (a database or library text means nothing to
     * the sender and may say too much).
     */
    public static String failureReply(String subject, Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException || cause instanceof ConnectlyException) {
                return "Your mail '" + subject + "' was not sent to WhatsApp: " + cause.getMessage();
            }
        }
        return "Your mail '" + subject + "' was not sent to WhatsApp because of an error on our side; "
               + "it is logged for the administrator.";
    }
}
