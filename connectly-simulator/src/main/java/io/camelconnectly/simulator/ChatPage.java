package io.camelconnectly.simulator;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The read-only chat page: one WhatsApp-like thread per customer with delivery ticks (sent ✓, delivered ✓✓,
 * read blue ✓✓, failed ✗). Rendered on the server, every user-supplied text HTML-escaped; reloads itself every
 * two seconds.
 */
final class ChatPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private ChatPage() {
    }

    static String render(SimulatorSettings settings, SimulatorClock clock, Conversations conversations) {
        List<Conversations.Conversation> threads = conversations.threads();
        long now = clock.nowMillis();
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<meta http-equiv=\"refresh\" content=\"2\">")
            .append("<title>Connectly Simulator</title><style>")
            .append("body{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#eae6df;color:#111b21}")
            .append("header{background:#008069;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}")
            .append("header p{margin:4px 0 0;font-size:13px;opacity:.9}")
            .append("main{display:flex;flex-wrap:wrap;gap:20px;padding:20px}")
            .append(".thread{width:420px;background:#efeae2;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.2);overflow:hidden}")
            .append(".thread h2{margin:0;background:#f0f2f5;padding:12px 16px;font-size:16px;border-bottom:1px solid #d1d7db}")
            .append(".thread h2 small{display:block;font-weight:normal;color:#667781;font-size:12px}")
            .append(".messages{padding:12px;display:flex;flex-direction:column;gap:6px;max-height:70vh;overflow-y:auto}")
            .append(".msg{max-width:80%;padding:6px 9px 4px;border-radius:7.5px;box-shadow:0 1px .5px rgba(11,20,26,.13);white-space:pre-wrap;word-wrap:break-word;font-size:14px}")
            .append(".msg.in{align-self:flex-start;background:#fff}.msg.out{align-self:flex-end;background:#d9fdd3}")
            .append(".meta{display:block;text-align:right;font-size:11px;color:#667781;margin-top:2px}")
            .append(".quote{display:block;border-left:3px solid #06cf9c;padding-left:6px;font-size:12px;color:#667781;margin-bottom:3px}")
            .append(".tick{margin-left:4px;font-weight:bold}.tick.read{color:#53bdeb}.tick.failed{color:#e53935}")
            .append(".empty{padding:24px;color:#667781}</style></head><body>");
        html.append("<header><h1>Connectly Simulator</h1><p>Business ")
            .append(escape(settings.businessId)).append(" · numbers ").append(escape(String.join(", ", settings.businessNumbers)))
            .append(" · simulated time ").append(TIME.format(java.time.Instant.ofEpochMilli(now))).append(" UTC</p></header><main>");
        if (threads.isEmpty()) {
            html.append("<p class=\"empty\">No conversations yet. Send a message through the API or make a customer write.</p>");
        }
        for (Conversations.Conversation thread : threads) {
            boolean open = thread.lastInboundMillis != Long.MIN_VALUE && now - thread.lastInboundMillis <= ConnectlyApi.WINDOW_MILLIS;
            html.append("<section class=\"thread\" data-customer=\"").append(escape(thread.number)).append("\"><h2>")
                .append(escape(thread.name == null ? thread.number : thread.name + " (" + thread.number + ")"))
                .append("<small>").append(open ? "24-hour window open" : "24-hour window closed: templates only")
                .append("</small></h2><div class=\"messages\">");
            for (ChatMessage message : thread.messages()) {
                appendMessage(html, message, conversations);
            }
            html.append("</div></section>");
        }
        return html.append("</main></body></html>").toString();
    }

    private static void appendMessage(StringBuilder html, ChatMessage message, Conversations conversations) {
        DeliveryStatus status = message.status();
        html.append("<div class=\"msg ").append(message.outbound() ? "out" : "in")
            .append("\" data-id=\"").append(escape(message.id()))
            .append("\" data-kind=\"").append(message.kind().name().toLowerCase(java.util.Locale.ROOT))
            .append("\" data-status=\"").append(status.wireName()).append("\">");
        if (message.replyToId() != null) {
            ChatMessage quoted = conversations.outbound(message.replyToId());
            String quotedText = quoted == null ? message.replyToId() : quoted.text();
            if (quotedText.length() > 60) {
                quotedText = quotedText.substring(0, 57) + "...";
            }
            html.append("<span class=\"quote\" data-reply-to=\"").append(escape(message.replyToId())).append("\">")
                .append(quoteLabel(message.kind())).append(": ").append(escape(quotedText)).append("</span>");
        }
        html.append("<span class=\"text\">").append(escape(message.text())).append("</span><span class=\"meta\">");
        if (message.campaignName() != null) {
            html.append(escape(message.campaignName())).append(" · ");
        }
        html.append(TIME.format(message.at()).substring(11, 16));
        if (message.outbound()) {
            html.append(tick(status));
        }
        html.append("</span></div>");
    }

    private static String quoteLabel(ChatMessage.Kind kind) {
        switch (kind) {
            case BUTTON_REPLY:
                return "button reply to";
            case LIST_REPLY:
                return "list reply to";
            case REACTION:
                return "reacted to";
            default:
                return "reply to";
        }
    }

    private static String tick(DeliveryStatus status) {
        switch (status) {
            case SENT:
                return "<span class=\"tick sent\" title=\"sent\">✓</span>";
            case DELIVERED:
                return "<span class=\"tick delivered\" title=\"delivered\">✓✓</span>";
            case READ:
                return "<span class=\"tick read\" title=\"read\">✓✓</span>";
            case DELIVERY_FAILED:
                return "<span class=\"tick failed\" title=\"delivery failed\">✗</span>";
            default:
                return "<span class=\"tick accepted\" title=\"accepted\">🕓</span>";
        }
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
