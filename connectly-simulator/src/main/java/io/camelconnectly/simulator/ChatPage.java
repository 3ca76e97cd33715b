package io.camelconnectly.simulator;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * The chat page: one WhatsApp-like thread per customer with delivery ticks (sent ✓, delivered ✓✓, read blue ✓✓,
 * failed ✗), where a person can also act as the customer: write in a thread, tap the buttons of a template or
 * reply-button message and the rows of a list, or start a conversation as a new customer. When the business has
 * several numbers, one thread still holds all of a customer's messages: each says which number it went to or came
 * from, the thread's header shows the window with each number, and a menu picks the number the customer writes to.
 *
 * <p>One self-contained page: rendered on the server with every user-supplied text HTML-escaped, plus a small inline
 * script (allowed by a per-response CSP nonce, nothing else may run) that posts the customer's actions to
 * {@code /_sim/customers/{number}/messages} and every two seconds fetches the page again and swaps in the threads'
 * messages, leaving the text boxes alone so typing is never lost. Without JavaScript it is the read-only page that
 * reloads itself.
 */
final class ChatPage {

    /** Threads shown at most, the most recently active first: the page stays small under a load test. */
    static final int MAX_THREADS = 100;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final SecureRandom NONCES = new SecureRandom();

    private static final String STYLE = ""
            + "body{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#eae6df;color:#111b21}"
            + "header{background:#008069;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}"
            + "header p{margin:4px 0 0;font-size:13px;opacity:.9}"
            + "form.start{margin-top:10px;display:flex;flex-wrap:wrap;gap:6px}"
            + "form.start input{padding:6px 8px;border:0;border-radius:6px;font-size:14px}"
            + "form.start input[name=text]{flex:1;min-width:200px}"
            + "select{padding:6px;border:1px solid #d1d7db;border-radius:6px;font-size:13px;background:#fff}"
            + "button{cursor:pointer;border:0;border-radius:6px;font-size:14px;padding:6px 12px}"
            + "form.start button{background:#fff;color:#008069;font-weight:600}"
            + "#notice{min-height:1em}#notice.bad{color:#ffd7d7;font-weight:600}"
            + "main{display:flex;flex-wrap:wrap;gap:20px;padding:20px}"
            + ".thread{width:420px;background:#efeae2;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.2);overflow:hidden;display:flex;flex-direction:column}"
            + ".thread h2{margin:0;background:#f0f2f5;padding:12px 16px;font-size:16px;border-bottom:1px solid #d1d7db}"
            + ".thread h2 small{display:block;font-weight:normal;color:#667781;font-size:12px}"
            + ".messages{padding:12px;display:flex;flex-direction:column;gap:6px;max-height:60vh;overflow-y:auto}"
            + ".msg{max-width:80%;padding:6px 9px 4px;border-radius:7.5px;box-shadow:0 1px .5px rgba(11,20,26,.13);white-space:pre-wrap;word-wrap:break-word;font-size:14px}"
            + ".msg.in{align-self:flex-start;background:#fff}.msg.out{align-self:flex-end;background:#d9fdd3}"
            + ".meta{display:block;text-align:right;font-size:11px;color:#667781;margin-top:2px}"
            + ".quote{display:block;border-left:3px solid #06cf9c;padding-left:6px;font-size:12px;color:#667781;margin-bottom:3px}"
            + ".options{display:flex;flex-direction:column;gap:4px;margin-top:6px;white-space:normal}"
            + ".option{background:#fff;color:#027eb5;border:1px solid #d1d7db;text-align:center}"
            + ".option small{display:block;color:#667781;font-size:11px}"
            + ".tick{margin-left:4px;font-weight:bold}.tick.read{color:#53bdeb}.tick.failed{color:#e53935}"
            + "form.compose{display:flex;gap:6px;padding:8px;background:#f0f2f5;border-top:1px solid #d1d7db;margin-top:auto}"
            + "form.compose input{flex:1;padding:8px 10px;border:1px solid #d1d7db;border-radius:18px;font-size:14px}"
            + "form.compose button{background:#008069;color:#fff;border-radius:18px}"
            + ".empty{padding:24px;color:#667781}";

    /** Acts as the customer and keeps the threads fresh; builds no HTML from data (only the server's escaped HTML). */
    private static final String SCRIPT = ""
            + "(function(){'use strict';"
            + "var notice=document.getElementById('notice'),main=document.getElementById('threads'),busy=false;"
            + "function say(text,bad){notice.textContent=text;notice.className=bad?'bad':'';}"
            + "function bottom(list){list.scrollTop=list.scrollHeight;}"
            + "function atBottom(list){return list.scrollHeight-list.scrollTop-list.clientHeight<40;}"
            + "function post(number,payload){"
            + " return fetch('/_sim/customers/'+encodeURIComponent(number)+'/messages',{method:'POST',"
            + "  headers:{'content-type':'application/json'},body:JSON.stringify(payload)})"
            + " .then(function(r){return r.json().then(function(j){if(!r.ok){throw new Error(j.message||('HTTP '+r.status));}return j;});})"
            + " .then(function(){say('');return refresh();},function(e){say(e.message,true);throw e;});}"
            + "function refresh(){if(busy){return Promise.resolve();}busy=true;"
            + " return fetch(location.pathname,{cache:'no-store'}).then(function(r){return r.text();}).then(function(html){"
            + "  var fresh=new DOMParser().parseFromString(html,'text/html');"
            + "  document.getElementById('clock').textContent=fresh.getElementById('clock').textContent;"
            + "  var sections=Array.prototype.slice.call(fresh.querySelectorAll('section.thread')).reverse();"
            + "  sections.forEach(function(section){"
            + "   var current=main.querySelector('section.thread[data-customer=\"'+CSS.escape(section.dataset.customer)+'\"]');"
            + "   if(current){"
            + "    current.querySelector('h2').replaceWith(document.importNode(section.querySelector('h2'),true));"
            + "    var list=current.querySelector('.messages'),keep=atBottom(list),top=list.scrollTop;"
            + "    var next=document.importNode(section.querySelector('.messages'),true);"
            + "    list.replaceWith(next);if(keep){bottom(next);}else{next.scrollTop=top;}"
            + "   }else{"
            + "    var added=document.importNode(section,true);main.insertBefore(added,main.firstChild);bottom(added.querySelector('.messages'));"
            + "   }});"
            + "  var empty=main.querySelector('.empty');if(empty&&main.querySelector('section.thread')){empty.remove();}"
            + " }).catch(function(){}).then(function(){busy=false;});}"
            + "document.addEventListener('submit',function(e){var form=e.target;e.preventDefault();"
            + " if(form.id==='new-conversation'){"
            + "  var number=form.elements.number.value.trim(),name=form.elements.name.value.trim(),start={text:form.elements.text.value};"
            + "  if(name){start.name=name;}if(form.elements.to){start.to=form.elements.to.value;}"
            + "  post(number,start).then(function(){form.reset();},function(){});"
            + " }else if(form.classList.contains('compose')){"
            + "  var input=form.elements.text,text={text:input.value};if(!input.value){return;}"
            + "  if(form.elements.to){text.to=form.elements.to.value;}"
            + "  post(form.dataset.customer,text).then(function(){input.value='';},function(){});"
            + " }});"
            + "document.addEventListener('click',function(e){var b=e.target.closest('button.option');if(!b){return;}"
            + " var number=b.closest('section.thread').dataset.customer,d=b.dataset;"
            + " post(number,d.type==='listRow'?{replyToId:d.replyTo,listRow:{id:d.optionId,title:d.title,description:d.description}}"
            + "  :{replyToId:d.replyTo,button:{text:d.title,payload:d.optionId}}).catch(function(){});});"
            + "Array.prototype.forEach.call(document.querySelectorAll('.messages'),bottom);"
            + "setInterval(refresh,2000);})();";

    private ChatPage() {
    }

    /** A fresh nonce for one response's Content-Security-Policy and its script and style elements. */
    static String nonce() {
        byte[] bytes = new byte[18];
        NONCES.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The Content-Security-Policy that lets only this response's own script and style run. */
    static String contentSecurityPolicy(String nonce) {
        return "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce + "'; connect-src 'self';"
                + " img-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
    }

    static String render(SimulatorSettings settings, SimulatorClock clock, Conversations conversations, String nonce) {
        List<Conversations.Conversation> threads = conversations.threads();
        long now = clock.nowMillis();
        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>")
            .append("<title>Connectly Simulator</title><style nonce=\"").append(nonce).append("\">").append(STYLE)
            .append("</style></head><body>");
        html.append("<header><h1>Connectly Simulator</h1><p>Business ")
            .append(escape(settings.businessId)).append(" · numbers ").append(escape(String.join(", ", settings.businessNumbers)))
            .append(" · simulated time <span id=\"clock\">").append(TIME.format(java.time.Instant.ofEpochMilli(now)))
            .append(" UTC</span></p>")
            .append("<form id=\"new-conversation\" class=\"start\" autocomplete=\"off\">")
            .append("<input name=\"number\" placeholder=\"+16045550123\" aria-label=\"new customer's number\" required>")
            .append("<input name=\"name\" placeholder=\"name (optional)\" aria-label=\"new customer's name\">")
            .append("<input name=\"text\" placeholder=\"first message from the customer\" aria-label=\"first message\" required>");
        appendNumberChoice(html, settings, settings.defaultSender(), "business number the new customer writes to");
        html.append("<button type=\"submit\">Start conversation</button></form>")
            .append("<p id=\"notice\" role=\"status\"></p></header><main id=\"threads\">");
        if (threads.isEmpty()) {
            html.append("<p class=\"empty\">No conversations yet. Send a message through the API, or start one as a customer above.</p>");
        }
        int shown = 0;
        for (Conversations.Conversation thread : threads) {
            if (shown++ == MAX_THREADS) {
                html.append("<p class=\"empty\">").append(threads.size() - MAX_THREADS)
                    .append(" older conversations are not shown; GET /_sim/conversations has them all.</p>");
                break;
            }
            appendThread(html, settings, thread, now, conversations);
        }
        html.append("</main><script nonce=\"").append(nonce).append("\">").append(SCRIPT).append("</script>");
        return html.append("</body></html>").toString();
    }

    private static void appendThread(StringBuilder html, SimulatorSettings settings, Conversations.Conversation thread,
                                     long now, Conversations conversations) {
        boolean severalNumbers = settings.businessNumbers.size() > 1;
        String customer = escape(thread.number);
        html.append("<section class=\"thread\" data-customer=\"").append(customer).append("\"><h2>")
            .append(escape(thread.name == null ? thread.number : thread.name + " (" + thread.number + ")"));
        if (severalNumbers) {
            for (String number : settings.businessNumbers) {
                html.append("<small class=\"window\" data-business-number=\"").append(escape(number)).append("\">")
                    .append(escape(number)).append(": ")
                    .append(thread.windowOpen(number, now) ? "24-hour window open" : "window closed, templates only").append("</small>");
            }
        } else {
            html.append("<small>").append(thread.windowOpen(settings.defaultSender(), now)
                    ? "24-hour window open" : "24-hour window closed: templates only").append("</small>");
        }
        html.append("</h2><div class=\"messages\">");
        List<ChatMessage> messages = thread.messages();
        for (ChatMessage message : messages) {
            appendMessage(html, message, conversations, severalNumbers);
        }
        html.append("</div><form class=\"compose\" data-customer=\"").append(customer).append("\" autocomplete=\"off\">")
            .append("<input name=\"text\" placeholder=\"Write as ").append(customer).append("\" aria-label=\"message from ")
            .append(customer).append("\">");
        // the conversation goes on with the number of its latest message
        String latest = messages.isEmpty() ? settings.defaultSender() : messages.get(messages.size() - 1).businessNumber();
        appendNumberChoice(html, settings, latest, "business number " + customer + " writes to");
        html.append("<button type=\"submit\">Send</button></form></section>");
    }

    /** A menu of the business numbers a customer can write to; nothing when the business has one. */
    private static void appendNumberChoice(StringBuilder html, SimulatorSettings settings, String selected, String label) {
        if (settings.businessNumbers.size() < 2) {
            return;
        }
        html.append("<select name=\"to\" aria-label=\"").append(escape(label)).append("\">");
        for (String number : settings.businessNumbers) {
            html.append("<option value=\"").append(escape(number)).append(number.equals(selected) ? "\" selected>" : "\">")
                .append("to ").append(escape(number)).append("</option>");
        }
        html.append("</select>");
    }

    private static void appendMessage(StringBuilder html, ChatMessage message, Conversations conversations, boolean severalNumbers) {
        DeliveryStatus status = message.status();
        html.append("<div class=\"msg ").append(message.outbound() ? "out" : "in")
            .append("\" data-id=\"").append(escape(message.id()))
            .append("\" data-business-number=\"").append(escape(message.businessNumber()))
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
        html.append("<span class=\"text\">").append(escape(message.text())).append("</span>");
        if (!message.replyOptions().isEmpty()) {
            html.append("<div class=\"options\">");
            for (ChatMessage.ReplyOption option : message.replyOptions()) {
                boolean row = option.type() == ChatMessage.ReplyOption.Type.LIST_ROW;
                html.append("<button type=\"button\" class=\"option\" data-reply-to=\"").append(escape(message.id()))
                    .append("\" data-type=\"").append(row ? "listRow" : "button")
                    .append("\" data-option-id=\"").append(escape(option.id()))
                    .append("\" data-title=\"").append(escape(option.title()))
                    .append("\" data-description=\"").append(escape(option.description())).append("\">")
                    .append(escape(option.title()));
                if (row && !option.description().isEmpty()) {
                    html.append("<small>").append(escape(option.description())).append("</small>");
                }
                html.append("</button>");
            }
            html.append("</div>");
        }
        html.append("<span class=\"meta\">");
        if (severalNumbers) {
            html.append(message.outbound() ? "from " : "to ").append(escape(message.businessNumber())).append(" · ");
        }
        if (message.automatic()) {
            html.append("auto-reply · ");
        }
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
