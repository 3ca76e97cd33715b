package io.camelconnectly.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Connectly operations and the rules they enforce, independent of HTTP. Each operation takes the parsed request
 * body and returns the JSON response body, or throws {@link ApiError}.
 *
 * <p>Where the real API's behaviour is unknown the simulator makes a documented choice:
 * <ul>
 *   <li>HTTP status 400 for every {@code ERROR_CODE_*} whose real status is not documented (including
 *       {@code ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW}, whose real status is unknown);</li>
 *   <li>a customer who never wrote is outside the window too (the same error code);</li>
 *   <li>the window belongs to a customer and the business number they wrote to (on WhatsApp each number is a chat
 *       of its own): a session message from another number is outside the window. Without {@code sender} Connectly
 *       picks the sending number; the simulator always picks the first business number, which is why the FAQ advises
 *       setting {@code sender} when a business has several numbers;</li>
 *   <li>a template that exists but is not approved yields {@code ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND} (Meta only
 *       finds approved translations), with the status in the message;</li>
 *   <li>a duplicate campaign sendout is not an HTTP error: the entry is counted in {@code rejectedCount} and
 *       {@code data[].error} explains it (code {@code ERROR_CODE_CAMPAIGN_DUPLICATE_SENDOUT}, the clients in
 *       {@code details.rejectedClients});</li>
 *   <li>a webhook filter on a field other than {@code campaign_name} is refused with 400, and {@code channelTypes}
 *       without {@code whatsapp} means nothing is posted (see {@link WebhookConfiguration}).</li>
 * </ul>
 */
final class ConnectlyApi {

    static final long WINDOW_MILLIS = Duration.ofHours(24).toMillis();
    static final int MAX_CALLBACK_DATA_BYTES = 1024;
    static final Set<String> CATEGORIES = Set.of("MESSAGE_TEMPLATE_GROUP_CATEGORY_MARKETING",
            "MESSAGE_TEMPLATE_GROUP_CATEGORY_UTILITY", "MESSAGE_TEMPLATE_GROUP_CATEGORY_AUTHENTICATION");
    static final Set<String> ATTACHMENT_TYPES = Set.of("image", "video", "audio", "document");
    static final String[] MESSAGE_KINDS = {"text", "attachments", "location", "listMessage", "list_message",
        "replyButtonMessage", "reply_button_message", "singleProductMessage", "multiProductMessage"};

    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final SimulatorClock clock;
    private final SimulatorSettings settings;
    private final TemplateRegistry templates;
    private final Map<String, Campaign> campaigns;
    private final Conversations conversations;
    private final WebhookRegistry webhooks;
    private final WebhookDispatcher dispatcher;
    private final WebhookPayloads payloads;
    private final StatusTimeline timeline;
    private final AutoReplier autoReplier;

    ConnectlyApi(ObjectMapper mapper, Vertx vertx, SimulatorClock clock, SimulatorSettings settings,
                 TemplateRegistry templates, Map<String, Campaign> campaigns, Conversations conversations,
                 WebhookRegistry webhooks, WebhookDispatcher dispatcher, AutoReplier autoReplier) {
        this.autoReplier = autoReplier;
        this.mapper = mapper;
        this.vertx = vertx;
        this.clock = clock;
        this.settings = settings;
        this.templates = templates;
        this.campaigns = campaigns;
        this.conversations = conversations;
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        this.payloads = new WebhookPayloads(mapper);
        this.timeline = settings.statusTimeline;
    }

    // ---------------------------------------------------------------------------------------------- send/messages

    String sendMessage(JsonNode body) {
        JsonNode recipient = body.path("recipient");
        if (!recipient.isObject()) {
            throw ApiError.badRequest("recipient is required: an object {\"id\": \"+<E.164 number>\", \"channelType\": \"whatsapp\"}");
        }
        String to = requiredText(recipient, "id", "recipient.id");
        checkNumber(to, "recipient.id");
        JsonNode senderNode = body.get("sender");
        boolean senderGiven = senderNode != null && !senderNode.isNull();
        String sender = senderGiven ? checkSender(senderNode.path("id").asText(""), "sender.id") : settings.defaultSender();
        JsonNode message = body.path("message");
        if (!message.isObject()) {
            throw ApiError.badRequest("message is required: an object with one of text, attachments, location, listMessage, replyButtonMessage, singleProductMessage");
        }
        ChatMessage.Kind kind = checkMessageContent(message);
        JsonNode callbackData = callbackData(body);

        Conversations.Conversation thread = conversations.existingThread(to);
        long now = clock.nowMillis();
        if (thread == null || !thread.windowOpen(sender, now)) {
            throw outsideWindow(thread, sender, senderGiven, now);
        }
        String campaignName = optionalText(body, "campaignName");
        String id = accept(to, sender, kind, describe(kind, message), callbackData, campaignName, now, replyOptions(message));
        return idResponse(id);
    }

    /**
     * Connectly's eligibility error. The message adds what the FAQ explains in prose when the customer wrote to another
     * of the business's numbers within the window: which number, and that {@code sender} picks it.
     */
    private ApiError outsideWindow(Conversations.Conversation thread, String sender, boolean senderGiven, long now) {
        String connectlyText = "Failed to send a message because more than 24 hours have passed since the customer last replied";
        List<String> open = new ArrayList<>();
        for (String number : settings.businessNumbers) {
            if (thread != null && thread.windowOpen(number, now)) {
                open.add(number);
            }
        }
        String message = open.isEmpty() ? connectlyText : connectlyText + " to " + sender
                + (senderGiven ? "" : " (the first business number, used because the request gave no sender)") + "; the customer wrote to "
                + String.join(", ", open) + " within 24 hours: send from that number with sender.id";
        return new ApiError(400, "ERROR_TYPE_DEADLINE_EXCEEDED", "ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW", message,
                connectlyText, null);
    }

    private ChatMessage.Kind checkMessageContent(JsonNode message) {
        int kinds = 0;
        for (String kind : MESSAGE_KINDS) {
            if (message.has(kind) && !message.get(kind).isNull()) {
                kinds++;
            }
        }
        boolean hasText = message.has("text") && !message.get("text").isNull();
        if (hasText && message.has("multiProductMessage")) {
            kinds--; // text goes together with a multi-product message
        }
        if (kinds == 0) {
            throw ApiError.badRequest("message has no content: give one of text, attachments, location, listMessage, replyButtonMessage, singleProductMessage, multiProductMessage");
        }
        if (kinds > 1) {
            throw ApiError.badRequest("message has more than one kind of content; send exactly one of text, attachments, location, listMessage, replyButtonMessage, singleProductMessage");
        }
        if (hasText && !message.has("multiProductMessage")) {
            if (!message.get("text").isTextual() || message.get("text").asText().isBlank()) {
                throw ApiError.invalid("ERROR_CODE_MESSAGE_TEXT_EMPTY", "message.text is empty");
            }
            return ChatMessage.Kind.TEXT;
        }
        JsonNode attachments = message.get("attachments");
        if (attachments != null && !attachments.isNull()) {
            if (!attachments.isArray() || attachments.size() != 1) {
                throw ApiError.invalid("ERROR_CODE_MESSAGE_ATTACHMENTS_NUMBER_INVALID",
                        "message.attachments must hold exactly one attachment, got " + (attachments.isArray() ? attachments.size() : "a non-array"));
            }
            JsonNode attachment = attachments.get(0);
            String type = attachment.path("type").asText("");
            if (!ATTACHMENT_TYPES.contains(type)) {
                throw ApiError.badRequest("message.attachments[0].type '" + type + "' is not one of " + ATTACHMENT_TYPES);
            }
            String url = attachment.path("url").asText("");
            if (url.isBlank()) {
                throw ApiError.invalid("ERROR_CODE_MESSAGE_ATTACHMENT_EMPTY", "message.attachments[0].url is empty");
            }
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw ApiError.invalid("ERROR_CODE_MESSAGE_ATTACHMENT_INVALID", "message.attachments[0].url '" + url + "' is not an http(s) URL");
            }
            return ChatMessage.Kind.MEDIA;
        }
        if (message.has("location")) {
            return ChatMessage.Kind.LOCATION;
        }
        return ChatMessage.Kind.INTERACTIVE;
    }

    private static String describe(ChatMessage.Kind kind, JsonNode message) {
        switch (kind) {
            case TEXT:
                return message.get("text").asText();
            case MEDIA: {
                JsonNode attachment = message.get("attachments").get(0);
                String caption = attachment.path("caption").asText("");
                return "[" + attachment.path("type").asText() + "] " + attachment.path("url").asText()
                        + (caption.isEmpty() ? "" : " " + caption);
            }
            case LOCATION:
                return "[location] " + message.path("location").path("name").asText("") + " "
                        + message.path("location").path("address").asText("");
            default:
                return describeInteractive(message);
        }
    }

    /** Header and footer texts of a reply-button or list message (the reference gives them no body), else its kind. */
    private static String describeInteractive(JsonNode message) {
        JsonNode interactive = interactive(message, "replyButtonMessage", "reply_button_message");
        String fallback = "[reply buttons]";
        if (interactive.isMissingNode()) {
            interactive = interactive(message, "listMessage", "list_message");
            fallback = "[list] " + interactive.path("button").path("text").asText("");
        }
        if (interactive.isMissingNode()) {
            return "[interactive] " + message.toString();
        }
        List<String> lines = new ArrayList<>();
        for (String part : new String[] {"header", "footer"}) {
            String text = interactive.path(part).path("text").asText("");
            if (!text.isBlank()) {
                lines.add(text);
            }
        }
        return lines.isEmpty() ? fallback.trim() : String.join("\n", lines);
    }

    private static JsonNode interactive(JsonNode message, String camelCase, String snakeCase) {
        JsonNode node = message.path(camelCase);
        return node.isObject() ? node : message.path(snakeCase).isObject() ? message.path(snakeCase) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The buttons of a reply-button message, or the rows of a list message's sections, in order. */
    private static List<ChatMessage.ReplyOption> replyOptions(JsonNode message) {
        List<ChatMessage.ReplyOption> options = new ArrayList<>();
        for (JsonNode button : interactive(message, "replyButtonMessage", "reply_button_message").path("buttons")) {
            String text = button.path("text").asText("");
            options.add(new ChatMessage.ReplyOption(ChatMessage.ReplyOption.Type.BUTTON, button.path("id").asText(text), text, ""));
        }
        for (JsonNode section : interactive(message, "listMessage", "list_message").path("sections")) {
            for (JsonNode row : section.path("rows")) {
                String title = row.path("text").asText(row.path("title").asText(""));
                options.add(new ChatMessage.ReplyOption(ChatMessage.ReplyOption.Type.LIST_ROW, row.path("id").asText(title), title,
                        row.path("description").asText("")));
            }
        }
        return options;
    }

    // ------------------------------------------------------------------------------ send/whatsapp_templated_messages

    String sendTemplate(JsonNode body) {
        String number = requiredText(body, "number", "number");
        checkNumber(number, "number");
        String templateName = requiredText(body, "templateName", "templateName");
        String language = requiredText(body, "language", "language");
        String sender = settings.defaultSender();
        if (body.hasNonNull("sender")) {
            sender = checkSender(body.get("sender").asText(""), "sender");
        }
        JsonNode callbackData = callbackData(body);
        if (settings.businessNumbers.contains(number)) {
            throw ApiError.invalid("ERROR_CODE_MESSAGE_SELF_INVALID", "Template messages can only be sent to personal WhatsApp accounts; "
                    + number + " is a WhatsApp Business number");
        }
        Template template = templates.find(templateName, language);
        if (template == null) {
            throw ApiError.invalid("ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND", "No template '" + templateName + "' in language '"
                    + language + "'" + languagesHint(templateName));
        }
        long now = clock.nowMillis();
        String status = template.status(now);
        if (!Template.APPROVED.equals(status)) {
            throw ApiError.invalid("ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND", "Template '" + templateName + "' (" + language
                    + ") is " + status + "; only approved templates can be sent");
        }
        Map<String, String> params = templateParameters(body.get("parameters"), template);
        String text = render(template, params);
        List<ChatMessage.ReplyOption> quickReplies = new ArrayList<>();
        for (String button : template.shape.quickReplies) {
            quickReplies.add(new ChatMessage.ReplyOption(ChatMessage.ReplyOption.Type.BUTTON, button, button, ""));
        }
        String id = accept(number, sender, ChatMessage.Kind.TEMPLATE, text, callbackData, optionalText(body, "campaignName"),
                now, quickReplies);
        return idResponse(id);
    }

    private String languagesHint(String templateName) {
        List<String> languages = new ArrayList<>();
        for (Template t : templates.all()) {
            if (t.name.equals(templateName)) {
                languages.add(t.language);
            }
        }
        return languages.isEmpty() ? "" : " (it exists in: " + String.join(", ", languages) + ")";
    }

    private static Map<String, String> templateParameters(JsonNode parameters, Template template) {
        Map<String, String> params = new HashMap<>();
        if (parameters != null && !parameters.isNull()) {
            if (!parameters.isArray()) {
                throw inputInvalid("parameters must be an array of {\"name\": ..., \"value\": ...}");
            }
            for (JsonNode parameter : parameters) {
                String name = parameter.path("name").asText("");
                if (name.isEmpty()) {
                    throw inputInvalid("every parameter needs a name such as body_1 or header_text");
                }
                if (!template.requiredParameters.contains(name)) {
                    throw inputInvalid("unexpected parameter '" + name + "': template '" + template.name + "' takes "
                            + (template.requiredParameters.isEmpty() ? "no parameters" : template.requiredParameters));
                }
                String value = parameter.path("value").asText("");
                if (value.isEmpty()) {
                    throw inputInvalid("parameter '" + name + "' has an empty value");
                }
                if (params.put(name, value) != null) {
                    throw inputInvalid("parameter '" + name + "' is given twice");
                }
            }
        }
        for (String required : template.requiredParameters) {
            if (!params.containsKey(required)) {
                throw inputInvalid("missing parameter '" + required + "': template '" + template.name + "' takes "
                        + template.requiredParameters);
            }
        }
        return params;
    }

    private static ApiError inputInvalid(String message) {
        return ApiError.invalid("ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID", "Message template inputs invalid: " + message);
    }

    private static String render(Template template, Map<String, String> params) {
        StringBuilder text = new StringBuilder();
        TemplateShape shape = template.shape;
        if (shape.headerText != null) {
            String header = shape.headerText;
            if (params.containsKey("header_text")) {
                header = header.replace("{{1}}", params.get("header_text"));
            }
            text.append('*').append(header).append("*\n");
        } else if (shape.headerMediaType != null) {
            for (String p : new String[] {"header_image", "header_video", "header_document"}) {
                if (params.containsKey(p)) {
                    text.append('[').append(p.substring(7)).append("] ").append(params.get(p)).append('\n');
                }
            }
        }
        text.append(TemplateShape.fill(shape.bodyText, params, "body_"));
        if (shape.footerText != null) {
            text.append('\n').append(shape.footerText);
        }
        return text.toString();
    }

    // --------------------------------------------------------------------------------------------- send/campaigns

    String sendCampaigns(JsonNode body) {
        JsonNode entries = body.path("entries");
        if (!entries.isArray() || entries.isEmpty()) {
            throw ApiError.badRequest("entries is required: a non-empty array of {\"client\": \"+<E.164>\", \"campaignName\": ...}");
        }
        boolean allowMultipleForAll = "allow_multiple".equals(body.path("options").path("if_duplicate_check_unspecified").asText(null));
        List<Campaign> entryCampaigns = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String client = requiredText(entry, "client", "entries[" + i + "].client");
            checkNumber(client, "entries[" + i + "].client");
            String campaignName = requiredText(entry, "campaignName", "entries[" + i + "].campaignName");
            if (entry.has("variables") && !entry.get("variables").isObject() && !entry.get("variables").isNull()) {
                throw ApiError.badRequest("entries[" + i + "].variables must be an object of name to value");
            }
            if (entry.hasNonNull("sender")) {
                checkSender(entry.get("sender").asText(""), "entries[" + i + "].sender");
            }
            Campaign campaign = campaigns.get(campaignName);
            if (campaign == null) {
                throw ApiError.notFound("ERROR_CODE_CAMPAIGN_NOT_FOUND", "No campaign named '" + campaignName
                        + "' (entries[" + i + "].campaignName); known campaigns: " + campaigns.keySet());
            }
            if (!campaign.published) {
                throw ApiError.conflict("ERROR_CODE_CAMPAIGN_NOT_PUBLISHED", "Campaign '" + campaignName
                        + "' is not published and cannot accept sendouts: publish it in Flow Builder, then retry");
            }
            entryCampaigns.add(campaign);
        }

        long now = clock.nowMillis();
        Map<Campaign, int[]> counts = new LinkedHashMap<>();
        Map<Campaign, List<String>> rejected = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            Campaign campaign = entryCampaigns.get(i);
            String client = entry.get("client").asText();
            boolean allowMultiple = allowMultipleForAll
                    || "allow_multiple".equals(entry.path("options").path("if_duplicate_check_unspecified").asText(null));
            int[] count = counts.computeIfAbsent(campaign, c -> new int[2]);
            boolean firstTime = campaign.recipients.add(client);
            if (!firstTime && !allowMultiple) {
                count[1]++;
                rejected.computeIfAbsent(campaign, c -> new ArrayList<>()).add(client);
                continue;
            }
            count[0]++;
            String sender = entry.hasNonNull("sender") ? entry.get("sender").asText() : settings.defaultSender();
            JsonNode variables = entry.get("variables");
            String text = "📣 Campaign " + campaign.name + (variables == null || variables.isEmpty() ? "" : " " + variables);
            accept(client, sender, ChatMessage.Kind.CAMPAIGN, text, null, campaign.name, now, List.of());
        }

        ObjectNode response = mapper.createObjectNode();
        ArrayNode data = response.putArray("data");
        for (Map.Entry<Campaign, int[]> e : counts.entrySet()) {
            Campaign campaign = e.getKey();
            ObjectNode item = data.addObject();
            item.put("campaignId", campaign.campaignId);
            item.put("campaignName", campaign.name);
            item.put("campaignVersion", campaign.campaignVersion);
            item.put("sendoutId", campaign.sendoutId);
            item.put("status", campaign.sentOnce.getAndSet(true) ? "updated" : "created");
            item.put("acceptedCount", e.getValue()[0]);
            item.put("rejectedCount", e.getValue()[1]);
            List<String> refused = rejected.get(campaign);
            if (refused == null) {
                item.putNull("error");
            } else {
                ObjectNode error = errorBody("Campaign '" + campaign.name + "' was already sent to " + refused
                        + "; set options.if_duplicate_check_unspecified to allow_multiple to send it again",
                        ApiError.TYPE_INVALID_REQUEST, "ERROR_CODE_CAMPAIGN_DUPLICATE_SENDOUT",
                        "Duplicate campaign sendout");
                ArrayNode clients = ((ObjectNode) error.get("details")).putArray("rejectedClients");
                refused.forEach(clients::add);
                item.set("error", error);
            }
        }
        return write(response);
    }

    // ---------------------------------------------------------------------------------------------------- templates

    String getTemplates() {
        long now = clock.nowMillis();
        ObjectNode response = mapper.createObjectNode();
        ArrayNode groups = response.putObject("entity").putArray("templateGroups");
        ObjectNode group = null;
        for (Template template : templates.all()) {
            if (group == null || !group.path("name").asText().equals(template.name)) {
                group = groups.addObject();
                group.put("id", template.name);
                group.put("name", template.name);
                group.put("category", template.category);
                group.putArray("templates");
            }
            ((ArrayNode) group.get("templates")).add(templateJson(template, now));
        }
        return write(response);
    }

    String createTemplate(JsonNode body) {
        String name = requiredText(body, "name", "name");
        if (name.length() > 512 || !name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            throw ApiError.badRequest("name '" + name + "' may contain only lower-case letters, digits and underscores (at most 512)");
        }
        JsonNode languageNode = body.path("language");
        String language = languageNode.isTextual() ? languageNode.asText() : languageNode.path("code").asText("");
        if (!isLanguageCode(language)) {
            throw ApiError.badRequest("language.code '" + language + "' is not a language code such as en, en_US or pt_BR");
        }
        String category = requiredText(body, "category", "category");
        if (!CATEGORIES.contains(category)) {
            throw ApiError.badRequest("category '" + category + "' is not one of " + CATEGORIES);
        }
        JsonNode components = body.has("template_components") ? body.get("template_components") : body.get("templateComponents");
        if (components == null || !components.isArray()) {
            throw ApiError.badRequest("template_components is required: an array such as [{\"body\": {\"text\": {\"text\": \"Hi {{1}}\"}}}]");
        }
        Template template = templates.create(name, language, category, components.deepCopy());
        if (template == null) {
            throw ApiError.conflict("ERROR_CODE_TEMPLATE_ALREADY_EXISTS", "Template '" + name + "' already exists in language '"
                    + language + "'; create it under a new name");
        }
        ObjectNode response = mapper.createObjectNode();
        ObjectNode entity = response.putObject("entity");
        entity.put("id", template.name);
        entity.put("name", template.name);
        entity.put("category", template.category);
        entity.putArray("templates").add(templateJson(template, clock.nowMillis()));
        return write(response);
    }

    private static boolean isLanguageCode(String code) {
        int underscore = code.indexOf('_');
        String lang = underscore < 0 ? code : code.substring(0, underscore);
        if (lang.length() < 2 || lang.length() > 3 || !lang.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return false;
        }
        if (underscore < 0) {
            return true;
        }
        String region = code.substring(underscore + 1);
        return region.length() == 2 && region.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }

    private ObjectNode templateJson(Template template, long now) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", template.id);
        ObjectNode channel = json.putObject("channel");
        channel.put("id", settings.channelId);
        channel.put("externalId", settings.wabaId);
        channel.put("channelType", "CHANNEL_TYPE_WHATSAPP_CLOUD");
        json.putObject("language").put("code", template.language);
        String status = template.status(now);
        json.put("status", status);
        json.put("createdAt", Instant.ofEpochMilli(template.createdAtMillis).toString());
        json.put("updatedAt", template.updatedAt(now).toString());
        if (Template.REJECTED.equals(status)) {
            json.put("rejectionReason", Template.REJECTION_REASON);
            json.put("rejectionDetail", template.rejectionDetail); // simulator addition: why it was rejected
        } else {
            json.putNull("rejectionReason");
        }
        json.set("templateComponents", template.components);
        return json;
    }

    // ---------------------------------------------------------------------------------------------- quality signals

    String qualitySignals() {
        ObjectNode response = mapper.createObjectNode();
        ArrayNode signals = response.putObject("entity").putArray("signals");
        for (String number : settings.businessNumbers) {
            ObjectNode signal = signals.addObject().putObject("whatsappQualitySignals");
            signal.put("phoneNumber", number);
            signal.put("wabaId", settings.wabaId);
            signal.put("messagesLimitTier", "WHATS_APP_MESSAGE_LIMIT_TIER_UNSPECIFIED");
            signal.put("qualityScore", "WHATS_APP_QUALITY_SCORE_HIGH");
        }
        return write(response);
    }

    // ----------------------------------------------------------------------------------------------------- webhooks

    String createWebhook(JsonNode body) {
        String topic = requiredText(body, "topic", "topic");
        if (!WebhookRegistry.TOPICS.contains(topic)) {
            throw ApiError.badRequest("topic '" + topic + "' is not one of " + WebhookRegistry.TOPICS);
        }
        String address = requiredText(body, "address", "address");
        String problem = WebhookRegistry.addressProblem(address);
        if (problem != null) {
            throw ApiError.badRequest(problem);
        }
        String type = body.hasNonNull("type") ? body.get("type").asText() : "custom";
        if (!WebhookRegistry.TYPES.contains(type)) {
            throw ApiError.badRequest("type '" + type + "' is not one of " + WebhookRegistry.TYPES);
        }
        WebhookConfiguration configuration = WebhookConfiguration.parse(body.get("configuration"));
        WebhookRegistry.Registration registration = webhooks.register(topic, type, address, configuration);
        if (registration == null) {
            throw ApiError.conflict("ERROR_CODE_WEBHOOK_ALREADY_EXISTS", "Topic '" + topic
                    + "' already has a webhook; update it with PUT update/webhooks/{id} or delete it first");
        }
        return entity(registration);
    }

    String listWebhooks() {
        ObjectNode response = mapper.createObjectNode();
        ObjectNode entity = response.putObject("entity");
        entity.put("businessId", settings.businessId);
        ArrayNode list = entity.putArray("webhooks");
        for (WebhookRegistry.Registration registration : webhooks.all()) {
            list.add(webhookJson(registration));
        }
        return write(response);
    }

    String updateWebhook(String id, JsonNode body) {
        WebhookRegistry.Registration registration = webhooks.byId(id);
        if (registration == null) {
            throw ApiError.notFound("ERROR_CODE_WEBHOOK_NOT_FOUND", "No webhook with id '" + id + "'");
        }
        if (body.hasNonNull("topic") && !body.get("topic").asText().equals(registration.topic)) {
            throw ApiError.badRequest("the topic of a webhook cannot change (it is '" + registration.topic + "')");
        }
        // validate everything before changing anything: a refused update leaves the registration as it was
        String address = body.hasNonNull("address") ? body.get("address").asText() : null;
        if (address != null) {
            String problem = WebhookRegistry.addressProblem(address);
            if (problem != null) {
                throw ApiError.badRequest(problem);
            }
        }
        WebhookConfiguration configuration = body.has("configuration") ? WebhookConfiguration.parse(body.get("configuration")) : null;
        if (address != null) {
            registration.address = address;
        }
        if (configuration != null) {
            registration.configuration = configuration;
        }
        return entity(registration);
    }

    String deleteWebhook(String id) {
        if (webhooks.remove(id) == null) {
            throw ApiError.notFound("ERROR_CODE_WEBHOOK_NOT_FOUND", "No webhook with id '" + id + "'");
        }
        return "{}";
    }

    private String entity(WebhookRegistry.Registration registration) {
        ObjectNode response = mapper.createObjectNode();
        response.set("entity", webhookJson(registration));
        return write(response);
    }

    private ObjectNode webhookJson(WebhookRegistry.Registration registration) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", registration.id);
        json.put("topic", registration.topic);
        json.put("address", registration.address);
        json.put("type", registration.type);
        json.set("configuration", registration.configuration.json);
        return json;
    }

    // ------------------------------------------------------------------------------------------ simulated customers

    // A customer writes to one business number (to; null = the first); a reply, tap or reaction goes to the number
    // that sent the quoted message, as on WhatsApp, where each business number is a chat of its own.

    ChatMessage customerWrites(String customer, String to, String text, boolean automatic) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a customer message needs a non-empty text");
        }
        String businessNumber = to == null ? settings.defaultSender() : settings.customerWritesTo(to);
        return inbound(customer, businessNumber, ChatMessage.Kind.TEXT, text, null, null, automatic,
                (now, name) -> payloads.inboundText(now, customer, name, businessNumber, settings.businessName, text));
    }

    ChatMessage customerPressesButton(String customer, String to, String replyToId, String text, String payload,
                                      boolean automatic) {
        ChatMessage quoted = quoted(customer, to, replyToId);
        return inbound(customer, quoted.businessNumber(), ChatMessage.Kind.BUTTON_REPLY, text, replyToId, quoted.callbackData(),
                automatic, (now, name) -> payloads.buttonReply(now, customer, name, quoted.businessNumber(), settings.businessName,
                        replyToId, text, payload, quoted.callbackData()));
    }

    ChatMessage customerPicksListRow(String customer, String to, String replyToId, String rowId, String title,
                                     String description, boolean automatic) {
        ChatMessage quoted = quoted(customer, to, replyToId);
        return inbound(customer, quoted.businessNumber(), ChatMessage.Kind.LIST_REPLY, title, replyToId, quoted.callbackData(),
                automatic, (now, name) -> payloads.listReply(now, customer, name, quoted.businessNumber(), settings.businessName,
                        replyToId, rowId, title, description, quoted.callbackData()));
    }

    ChatMessage customerReacts(String customer, String to, String replyToId, String emoji) {
        ChatMessage quoted = quoted(customer, to, replyToId);
        return inbound(customer, quoted.businessNumber(), ChatMessage.Kind.REACTION, emoji, replyToId, quoted.callbackData(),
                false, (now, name) -> payloads.reaction(now, customer, name, quoted.businessNumber(), settings.businessName,
                        replyToId, emoji, quoted.callbackData()));
    }

    /** The customer taps a button or list row of message {@code replyToId}, found by its id or title. */
    ChatMessage customerTaps(String customer, String to, String replyToId, String option, boolean automatic) {
        ChatMessage quoted = quoted(customer, to, replyToId);
        for (ChatMessage.ReplyOption candidate : quoted.replyOptions()) {
            if (candidate.id().equals(option) || candidate.title().equals(option)) {
                return tap(customer, to, replyToId, candidate, automatic);
            }
        }
        throw new IllegalArgumentException("message " + replyToId + " has no button or row '" + option + "'; it has "
                + quoted.replyOptions().stream().map(ChatMessage.ReplyOption::title).toList());
    }

    ChatMessage tap(String customer, String to, String replyToId, ChatMessage.ReplyOption option, boolean automatic) {
        return option.type() == ChatMessage.ReplyOption.Type.BUTTON
                ? customerPressesButton(customer, to, replyToId, option.title(), option.id(), automatic)
                : customerPicksListRow(customer, to, replyToId, option.id(), option.title(), option.description(), automatic);
    }

    void nameCustomer(String customer, String name) {
        requireNumber(customer);
        conversations.thread(customer).name = name;
    }

    private interface EventBuilder {
        ObjectNode build(long epochSeconds, String customerName);
    }

    /** The outbound message a reply quotes; {@code to}, when given, must be the number that sent it. */
    private ChatMessage quoted(String customer, String to, String replyToId) {
        if (replyToId == null || replyToId.isEmpty()) {
            throw new IllegalArgumentException("a reply needs the id of the message it answers");
        }
        ChatMessage quoted = conversations.outbound(replyToId);
        if (quoted == null || !quoted.customer().equals(customer)) {
            throw new IllegalArgumentException("no message " + replyToId + " was sent to " + customer);
        }
        if (to != null && !settings.customerWritesTo(to).equals(quoted.businessNumber())) {
            throw new IllegalArgumentException("message " + replyToId + " was sent from " + quoted.businessNumber()
                    + ": a reply to it goes to that number, not to " + to + " (leave \"to\" out for replies)");
        }
        return quoted;
    }

    private ChatMessage inbound(String customer, String businessNumber, ChatMessage.Kind kind, String text, String replyToId,
                                JsonNode callbackData, boolean automatic, EventBuilder event) {
        requireNumber(customer);
        long now = clock.nowMillis();
        Conversations.Conversation thread = conversations.thread(customer);
        thread.wroteTo(businessNumber, now); // opens (or renews) the 24-hour window with that number only
        autoReplier.customerActed(thread, automatic);
        ChatMessage message = new ChatMessage(Ids.messageId(now), false, customer, businessNumber, kind, text, replyToId,
                callbackData, null, Instant.ofEpochMilli(now), false, timeline, List.of(), automatic);
        conversations.add(message);
        if (dispatcher.hasSubscriber(WebhookRegistry.TOPIC_MESSAGES)) {
            dispatcher.publish(WebhookRegistry.TOPIC_MESSAGES, WebhookConfiguration.EventFields.NONE,
                    bytes(event.build(now / 1000, thread.name)));
        }
        return message;
    }

    private static void requireNumber(String customer) {
        if (!isE164(customer)) {
            throw new IllegalArgumentException("customer number '" + customer + "' is not in E.164 form such as +16045550123");
        }
    }

    // -------------------------------------------------------------------------------------- accepted outbound messages

    private String accept(String customer, String sender, ChatMessage.Kind kind, String text, JsonNode callbackData,
                          String campaignName, long now, List<ChatMessage.ReplyOption> replyOptions) {
        String id = Ids.messageId(now);
        boolean failing = settings.failingNumbers.contains(customer);
        ChatMessage message = new ChatMessage(id, true, customer, sender, kind, text, null, callbackData, campaignName,
                Instant.ofEpochMilli(now), failing, timeline, replyOptions, false);
        conversations.add(message);
        autoReplier.accepted(message, conversations.thread(customer));
        if (dispatcher.hasSubscriber(WebhookRegistry.TOPIC_DELIVERY_STATUS)) {
            scheduleStatus(message, failing ? DeliveryStatus.DELIVERY_FAILED : DeliveryStatus.SENT, timeline.sent);
        }
        return id;
    }

    /**
     * Posts sent, delivered and read (or delivery_failed) one after the other with the configured delays, each from the
     * number the message went out from.
     */
    private void scheduleStatus(ChatMessage message, DeliveryStatus status, Duration delay) {
        vertx.setTimer(Math.max(1, delay.toMillis()), timer -> {
            Conversations.Conversation thread = conversations.existingThread(message.customer());
            ObjectNode event = payloads.deliveryStatus(clock.nowMillis() / 1000, message.businessNumber(), settings.businessName,
                    message.customer(), thread == null ? null : thread.name, message.id(), status,
                    status == DeliveryStatus.DELIVERY_FAILED ? payloads.undeliverableError() : null,
                    message.campaignName(), message.callbackData());
            dispatcher.publish(WebhookRegistry.TOPIC_DELIVERY_STATUS, new WebhookConfiguration.EventFields(message.campaignName()),
                    bytes(event));
            if (status == DeliveryStatus.SENT) {
                scheduleStatus(message, DeliveryStatus.DELIVERED, timeline.delivered);
            } else if (status == DeliveryStatus.DELIVERED) {
                scheduleStatus(message, DeliveryStatus.READ, timeline.read);
            }
        });
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private JsonNode callbackData(JsonNode body) {
        JsonNode callbackData = body.get("callbackData");
        if (callbackData == null || callbackData.isNull()) {
            return null;
        }
        int size = bytes(callbackData).length;
        if (size > MAX_CALLBACK_DATA_BYTES) {
            throw ApiError.badRequest("callbackData is " + size + " bytes; at most " + MAX_CALLBACK_DATA_BYTES + " are allowed");
        }
        return callbackData;
    }

    private String checkSender(String sender, String field) {
        if (!settings.businessNumbers.contains(sender)) {
            throw ApiError.invalid("ERROR_CODE_INVALID_SENDER_ID", field + " '" + sender
                    + "' is not a WhatsApp number of this business; use one of " + settings.businessNumbers);
        }
        return sender;
    }

    private static void checkNumber(String number, String field) {
        if (!isE164(number)) {
            throw ApiError.invalid("ERROR_CODE_PHONE_NUMBER_BAD_FORMAT", field + " '" + number
                    + "' is not an E.164 phone number such as +16045550123");
        }
    }

    static boolean isE164(String number) {
        if (number == null || number.length() < 8 || number.length() > 16 || number.charAt(0) != '+' || number.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String requiredText(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isEmpty()) {
            throw ApiError.badRequest(path + " is required");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static String idResponse(String id) {
        return "{\"id\":\"" + id + "\"}";
    }

    ObjectNode errorBody(String message, String type, String code, String userTitle) {
        ObjectNode error = mapper.createObjectNode();
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        error.put("userTitle", userTitle);
        error.put("userMessage", "Pass along the connectly trace id 'cnct_trace_id' to the team for more information.");
        error.put("cntTraceId", Ids.traceId());
        error.putObject("details");
        return error;
    }

    String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
