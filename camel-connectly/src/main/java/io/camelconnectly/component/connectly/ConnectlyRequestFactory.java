package io.camelconnectly.component.connectly;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelconnectly.component.connectly.client.ConnectlyApi;
import io.camelconnectly.component.connectly.client.ConnectlyValidationException;
import io.camelconnectly.component.connectly.model.CampaignEntry;
import io.camelconnectly.component.connectly.model.CampaignSendoutRequest;
import io.camelconnectly.component.connectly.model.CreateTemplateRequest;
import io.camelconnectly.component.connectly.model.CreateWebhookRequest;
import io.camelconnectly.component.connectly.model.Party;
import io.camelconnectly.component.connectly.model.SendMessageRequest;
import io.camelconnectly.component.connectly.model.SendTemplatedMessageRequest;
import io.camelconnectly.component.connectly.model.SessionMessage;
import io.camelconnectly.component.connectly.model.TemplateParameter;
import io.camelconnectly.component.connectly.model.UpdateWebhookRequest;
import io.camelconnectly.component.connectly.webhook.ConnectlyWebhookEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Builds and validates the request of one message: the body (text, typed request, Map or JSON text) completed with the
 * per-message values, each taken from its header {@code CamelConnectly<Name>}, else from the endpoint option. Values the
 * body sets itself are kept. The user's body object is never modified (it may be shared between exchanges).
 * <p>
 * A String body that starts with <code>{</code> is JSON: the whole request, or for sendMessage just the {@code message}
 * when it has no {@code message} field. Any other String is the text of a sendMessage.
 */
final class ConnectlyRequestFactory {

    /** What to call, validated and ready to send. */
    static final class PreparedCall {
        final ConnectlyApi api;
        final String pathId;
        final Object body;
        /** Set for sendTemplatedMessage: checked against the template definition before sending. */
        final SendTemplatedMessageRequest templated;
        /** Where the template parameters came from (body, header or option), named when the check refuses them. */
        final String parametersSource;
        /** Set for a sendMessage with a fallback template: sent instead when the customer's window is closed. */
        final SendTemplatedMessageRequest fallback;

        PreparedCall(ConnectlyApi api, String pathId, Object body, SendTemplatedMessageRequest templated) {
            this(api, pathId, body, templated, null);
        }

        PreparedCall(ConnectlyApi api, String pathId, Object body, SendTemplatedMessageRequest templated,
                     String parametersSource) {
            this(api, pathId, body, templated, parametersSource, null);
        }

        PreparedCall(ConnectlyApi api, String pathId, Object body, SendTemplatedMessageRequest templated,
                     String parametersSource, SendTemplatedMessageRequest fallback) {
            this.api = api;
            this.pathId = pathId;
            this.body = body;
            this.templated = templated;
            this.parametersSource = parametersSource;
            this.fallback = fallback;
        }
    }

    private static final ObjectMapper MAPPER = ConnectlyJson.mapper();

    static final String SOURCE_BODY = "the body";
    private static final String SOURCE_RECIPIENT_HEADER = "header " + ConnectlyConstants.RECIPIENT;
    private static final String SOURCE_SENDER_HEADER = "header " + ConnectlyConstants.SENDER;

    private final ConnectlyConfiguration configuration;
    /** The callbackData option, parsed and size-checked once. */
    private final Object optionCallbackData;
    /** The defaultRegion, recipient and sender options, checked and normalised once (a bad one fails the start). */
    private final String optionRegion;
    private final String optionRecipient;
    private final String optionSender;

    ConnectlyRequestFactory(ConnectlyConfiguration configuration) {
        this.configuration = configuration;
        this.optionCallbackData = ConnectlyValidator.callbackData("callbackData", configuration.getCallbackData());
        this.optionRegion = region("defaultRegion", "option defaultRegion", configuration.getDefaultRegion());
        // a URI decodes the plus sign of +16045550123 to a space: read that space as the plus sign
        this.optionRecipient = configuration.getRecipient() == null ? null
                : ConnectlyValidator.customer("recipient", "option recipient", uriPlus(configuration.getRecipient()), optionRegion);
        this.optionSender = configuration.getSender() == null ? null
                : ConnectlyValidator.phone("sender", "option sender", uriPlus(configuration.getSender()), optionRegion);
        PhoneNumbers.loadMetadata();
    }

    PreparedCall prepare(ConnectlyOperation operation, Exchange exchange) {
        Message in = exchange.getMessage();
        switch (operation) {
            case sendMessage: {
                SendMessageRequest request = sendMessage(in);
                SendTemplatedMessageRequest fallback = fallbackTemplate(in, request);
                return new PreparedCall(ConnectlyApi.SEND_MESSAGE, null, request, null,
                        fallback == null ? null : templateParametersSource(in), fallback);
            }
            case sendTemplatedMessage:
                return sendTemplatedMessage(in);
            case sendCampaign:
                return new PreparedCall(ConnectlyApi.SEND_CAMPAIGN, null, sendCampaign(in), null);
            case getTemplates:
                return new PreparedCall(ConnectlyApi.GET_TEMPLATES, null, null, null);
            case createTemplate: {
                CreateTemplateRequest request = requiredBody(in, CreateTemplateRequest.class, "createTemplate");
                ConnectlyValidator.createTemplate(request);
                return new PreparedCall(ConnectlyApi.CREATE_TEMPLATE, null, request, null);
            }
            case getQualitySignals:
                return new PreparedCall(ConnectlyApi.GET_QUALITY_SIGNALS, null, null, null);
            case createWebhook: {
                CreateWebhookRequest request = requiredBody(in, CreateWebhookRequest.class, "createWebhook");
                ConnectlyValidator.createWebhook(request);
                return new PreparedCall(ConnectlyApi.CREATE_WEBHOOK, null, request, null);
            }
            case getWebhooks:
                return new PreparedCall(ConnectlyApi.GET_WEBHOOKS, null, null, null);
            case updateWebhook: {
                String webhookId = value(in, ConnectlyConstants.WEBHOOK_ID, configuration.getWebhookId());
                UpdateWebhookRequest request = requiredBody(in, UpdateWebhookRequest.class, "updateWebhook");
                ConnectlyValidator.updateWebhook(webhookId, request);
                return new PreparedCall(ConnectlyApi.UPDATE_WEBHOOK, webhookId.trim(), request, null);
            }
            case deleteWebhook: {
                String webhookId = value(in, ConnectlyConstants.WEBHOOK_ID, configuration.getWebhookId());
                ConnectlyValidator.webhookId(webhookId);
                return new PreparedCall(ConnectlyApi.DELETE_WEBHOOK, webhookId.trim(), null, null);
            }
            default:
                throw new ConnectlyValidationException("operation", operation,
                        "not a producer operation; allowed: " + ConnectlyOperation.allowedValues().replace(", webhook", ""));
        }
    }

    // ---- sendMessage

    private SendMessageRequest sendMessage(Message in) {
        Object body = in.getBody();
        SendMessageRequest given;
        if (body instanceof SendMessageRequest) {
            given = (SendMessageRequest) body;
        } else if (body instanceof SessionMessage) {
            given = new SendMessageRequest().withMessage((SessionMessage) body);
        } else if (body instanceof Map) {
            given = ((Map<?, ?>) body).containsKey("message")
                    ? convert(body, SendMessageRequest.class)
                    : new SendMessageRequest().withMessage(convert(body, SessionMessage.class));
        } else if (body instanceof ConnectlyWebhookEvent) {
            // from("connectly:webhook").to("connectly:sendMessage") without a reply text: never send the event's toString
            throw new ConnectlyValidationException("body", body.getClass().getSimpleName(),
                    "the body is still the webhook event; set the reply text (or a SessionMessage) as the body before "
                                                                                    + "connectly:sendMessage, e.g. .setBody(constant(\"Thanks, we got your message\"))");
        } else {
            String text = body instanceof String ? (String) body : in.getBody(String.class);
            if (text == null) {
                throw new ConnectlyValidationException("body", null,
                        "sendMessage needs the message: a String (the text), a SendMessageRequest, a SessionMessage, a Map or JSON");
            }
            if (startsWithBrace(text)) {
                JsonNode tree = parse(text);
                given = tree.has("message")
                        ? convert(tree, SendMessageRequest.class)
                        : new SendMessageRequest().withMessage(convert(tree, SessionMessage.class));
            } else {
                given = new SendMessageRequest().withMessage(SessionMessage.text(text));
            }
        }
        // a new request: the body object may be shared, it is never modified
        SendMessageRequest request = new SendMessageRequest()
                .withMessage(given.getMessage())
                .withCampaignName(given.getCampaignName() != null
                        ? given.getCampaignName() : value(in, ConnectlyConstants.CAMPAIGN_NAME, configuration.getCampaignName()));
        Party recipient = given.getRecipient();
        String recipientId = recipient != null && recipient.getId() != null
                ? customer(in, "recipient.id", SOURCE_BODY, recipient.getId()) : recipient(in, true);
        request.setRecipient(party(recipient, recipientId));
        Party sender = given.getSender();
        String senderId = sender != null && sender.getId() != null
                ? phone(in, "sender.id", SOURCE_BODY, sender.getId()) : sender(in);
        if (senderId != null) {
            request.setSender(party(sender, senderId));
        }
        request.setCallbackData(given.getCallbackData() != null
                ? ConnectlyValidator.callbackData("callbackData", given.getCallbackData()) : callbackData(in));
        ConnectlyValidator.sendMessage(request);
        return request;
    }

    /** The given party with a normalised id (a copy when the id changed), or a new WhatsApp party. */
    private static Party party(Party given, String id) {
        if (given == null) {
            return Party.whatsapp(id);
        }
        if (id.equals(given.getId()) && given.getChannelType() != null) {
            return given;
        }
        Party copy = new Party(id, given.getChannelType() != null ? given.getChannelType() : Party.CHANNEL_WHATSAPP);
        copy.setName(given.getName());
        copy.setUserId(given.getUserId());
        copy.setPhoneNumber(given.getPhoneNumber());
        return copy;
    }

    /**
     * The template to send instead of the session message when the customer's window is closed, or null without
     * fallbackTemplateName (header or option). Recipient, sender, callbackData and campaignName are the session
     * message's; parameters come from templateParameters, as for sendTemplatedMessage.
     */
    private SendTemplatedMessageRequest fallbackTemplate(Message in, SendMessageRequest session) {
        String name = value(in, ConnectlyConstants.FALLBACK_TEMPLATE_NAME, configuration.getFallbackTemplateName());
        if (name == null || name.isBlank()) {
            return null;
        }
        String language = value(in, ConnectlyConstants.FALLBACK_LANGUAGE, configuration.getFallbackLanguage());
        if (language == null || language.isBlank()) {
            language = value(in, ConnectlyConstants.LANGUAGE, configuration.getLanguage());
        }
        SendTemplatedMessageRequest request = new SendTemplatedMessageRequest()
                .withTemplateName(name.trim())
                .withLanguage(language)
                .withNumber(templateNumber(session.getRecipient().getId()))
                .withSender(session.getSender() != null ? session.getSender().getId() : null)
                .withParameters(templateParameters(in))
                .withCallbackData(session.getCallbackData())
                .withCampaignName(session.getCampaignName());
        ConnectlyValidator.sendTemplatedMessage(request);
        return request;
    }

    /** The template API takes a business-scoped user id with its bsuid: prefix; the session API also takes it bare. */
    private static String templateNumber(String recipient) {
        return recipient.startsWith("+") || recipient.startsWith(ConnectlyValidator.BSUID_PREFIX)
                ? recipient : ConnectlyValidator.BSUID_PREFIX + recipient;
    }

    // ---- sendTemplatedMessage

    private PreparedCall sendTemplatedMessage(Message in) {
        SendTemplatedMessageRequest given = optionalBody(in, SendTemplatedMessageRequest.class);
        if (given == null) {
            given = new SendTemplatedMessageRequest();
        }
        SendTemplatedMessageRequest request = new SendTemplatedMessageRequest()
                .withTemplateName(given.getTemplateName() != null
                        ? given.getTemplateName() : value(in, ConnectlyConstants.TEMPLATE_NAME, configuration.getTemplateName()))
                .withLanguage(given.getLanguage() != null
                        ? given.getLanguage() : value(in, ConnectlyConstants.LANGUAGE, configuration.getLanguage()))
                .withCampaignName(given.getCampaignName() != null
                        ? given.getCampaignName() : value(in, ConnectlyConstants.CAMPAIGN_NAME, configuration.getCampaignName()));
        request.setNumber(given.getNumber() != null
                ? customer(in, "number", SOURCE_BODY, given.getNumber()) : recipient(in, true));
        request.setSender(given.getSender() != null ? phone(in, "sender", SOURCE_BODY, given.getSender()) : sender(in));
        String parametersSource;
        if (given.getParameters() != null && !given.getParameters().isEmpty()) {
            request.setParameters(given.getParameters());
            parametersSource = SOURCE_BODY;
        } else {
            request.setParameters(templateParameters(in));
            parametersSource = templateParametersSource(in);
        }
        request.setCallbackData(given.getCallbackData() != null
                ? ConnectlyValidator.callbackData("callbackData", given.getCallbackData()) : callbackData(in));
        if (request.getTemplateName() != null) {
            request.setTemplateName(request.getTemplateName().trim());
        }
        ConnectlyValidator.sendTemplatedMessage(request);
        return new PreparedCall(ConnectlyApi.SEND_TEMPLATED_MESSAGE, null, request, request, parametersSource);
    }

    static final String SOURCE_PARAMETERS_HEADER = "header " + ConnectlyConstants.TEMPLATE_PARAMETERS;
    static final String SOURCE_PARAMETERS_OPTION = "option templateParameters";

    private static String templateParametersSource(Message in) {
        return in.getHeader(ConnectlyConstants.TEMPLATE_PARAMETERS) != null ? SOURCE_PARAMETERS_HEADER : SOURCE_PARAMETERS_OPTION;
    }

    private List<TemplateParameter> templateParameters(Message in) {
        Object header = in.getHeader(ConnectlyConstants.TEMPLATE_PARAMETERS);
        Map<?, ?> map;
        if (header == null) {
            map = configuration.getTemplateParameters();
        } else if (header instanceof Map) {
            map = (Map<?, ?>) header;
        } else {
            throw new ConnectlyValidationException(ConnectlyConstants.TEMPLATE_PARAMETERS, header.getClass().getName(),
                    "must be a Map of parameter name (body_1, header_text, ...) to value");
        }
        if (map == null || map.isEmpty()) {
            return null;
        }
        List<TemplateParameter> parameters = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object value = entry.getValue();
            parameters.add(new TemplateParameter(String.valueOf(entry.getKey()), value == null ? null : String.valueOf(value)));
        }
        // a URI sorts its options by name: send them in template order instead (header, body_1..N, buttons)
        parameters.sort(java.util.Comparator.comparingInt(ConnectlyRequestFactory::templateOrder));
        return parameters;
    }

    private static int templateOrder(TemplateParameter parameter) {
        String name = parameter.getName();
        if (name.startsWith("header_")) {
            return 0;
        }
        if (name.startsWith("body_")) {
            return 1_000 + number(name, 5);
        }
        if (name.startsWith("button_")) {
            return 100_000 + number(name, 7);
        }
        return 200_000;
    }

    private static int number(String name, int from) {
        int n = 0;
        for (int i = from; i < name.length() && Character.isDigit(name.charAt(i)) && n < 10_000; i++) {
            n = n * 10 + (name.charAt(i) - '0');
        }
        return n;
    }

    // ---- sendCampaign

    private CampaignSendoutRequest sendCampaign(Message in) {
        Object body = in.getBody();
        List<CampaignEntry> givenEntries = null;
        CampaignSendoutRequest given = null;
        if (body instanceof CampaignSendoutRequest) {
            given = (CampaignSendoutRequest) body;
        } else if (body instanceof CampaignEntry) {
            givenEntries = List.of((CampaignEntry) body);
        } else if (body instanceof List) {
            givenEntries = new ArrayList<>();
            for (Object element : (List<?>) body) {
                givenEntries.add(element instanceof CampaignEntry ? (CampaignEntry) element : convert(element, CampaignEntry.class));
            }
        } else if (body instanceof Map) {
            if (((Map<?, ?>) body).containsKey("entries")) {
                given = convert(body, CampaignSendoutRequest.class);
            } else {
                // a plain Map holds the flow variables of the one recipient
                CampaignEntry entry = new CampaignEntry();
                Map<String, String> variables = new java.util.LinkedHashMap<>();
                ((Map<?, ?>) body).forEach((k, v) -> variables.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
                entry.setVariables(variables);
                givenEntries = List.of(entry);
            }
        } else if (body instanceof String && startsWithBrace((String) body)) {
            given = convert(parse((String) body), CampaignSendoutRequest.class);
        }
        if (given != null) {
            givenEntries = given.getEntries();
        }
        if (givenEntries == null || givenEntries.isEmpty()) {
            // no entries given: one entry for the recipient option/header
            givenEntries = List.of(new CampaignEntry());
        }
        String campaignName = value(in, ConnectlyConstants.CAMPAIGN_NAME, configuration.getCampaignName());
        String sender = null;
        String recipient = null;
        List<CampaignEntry> entries = new ArrayList<>(givenEntries.size());
        for (int i = 0; i < givenEntries.size(); i++) {
            CampaignEntry g = givenEntries.get(i);
            if (g == null) {
                throw new ConnectlyValidationException("entries[" + i + "]", null, "an entry {client, campaignName} is required");
            }
            String client;
            if (g.getClient() != null) {
                client = phone(in, "entries[" + i + "].client", SOURCE_BODY, g.getClient());
            } else {
                if (recipient == null) {
                    // campaigns go to phone numbers only (no business-scoped user ids)
                    recipient = recipient(in, false);
                }
                client = recipient;
            }
            String entrySender;
            if (g.getSender() != null) {
                entrySender = phone(in, "entries[" + i + "].sender", SOURCE_BODY, g.getSender());
            } else {
                if (sender == null) {
                    sender = sender(in);
                }
                entrySender = sender;
            }
            entries.add(new CampaignEntry()
                    .withClient(client)
                    .withCampaignName(g.getCampaignName() != null ? g.getCampaignName() : campaignName)
                    .withSender(entrySender)
                    .withVariables(g.getVariables())
                    .withCampaignVersion(g.getCampaignVersion())
                    .withScheduledAt(g.getScheduledAt()));
        }
        CampaignSendoutRequest request = new CampaignSendoutRequest().withEntries(entries);
        if (given != null && given.getOptions() != null) {
            request.setOptions(given.getOptions());
        } else if (allowDuplicates(in)) {
            request.allowDuplicates();
        }
        ConnectlyValidator.sendCampaign(request);
        return request;
    }

    private boolean allowDuplicates(Message in) {
        Object header = in.getHeader(ConnectlyConstants.ALLOW_DUPLICATES);
        if (header == null) {
            return configuration.isAllowDuplicates();
        }
        if (header instanceof Boolean) {
            return (Boolean) header;
        }
        String text = String.valueOf(header).trim();
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text)) {
            return false;
        }
        throw new ConnectlyValidationException(ConnectlyConstants.ALLOW_DUPLICATES, header, "allowed: true, false");
    }

    // ---- phone numbers: from the body, else the header, else the option (normalised at start)

    /** The recipient of this message from header or option; required. */
    private String recipient(Message in, boolean businessScopedIdAllowed) {
        String header = header(in, ConnectlyConstants.RECIPIENT, optionRecipient != null);
        if (header != null) {
            return businessScopedIdAllowed
                    ? customer(in, "recipient", SOURCE_RECIPIENT_HEADER, header)
                    : phone(in, "recipient", SOURCE_RECIPIENT_HEADER, header);
        }
        if (optionRecipient == null) {
            throw new ConnectlyValidationException("recipient", null,
                    "the customer's WhatsApp number is required: set option recipient or header " + ConnectlyConstants.RECIPIENT
                                                                + "; " + ConnectlyValidator.PHONE_RULE);
        }
        return businessScopedIdAllowed ? optionRecipient : ConnectlyValidator.phone("recipient", "option recipient", optionRecipient, null);
    }

    /** The sender of this message from header or option, or null when neither is set. */
    private String sender(Message in) {
        String header = header(in, ConnectlyConstants.SENDER, optionSender != null);
        return header != null ? phone(in, "sender", SOURCE_SENDER_HEADER, header) : optionSender;
    }

    private String customer(Message in, String field, String source, String value) {
        return ConnectlyValidator.customer(field, source, value, PhoneNumbers.isNational(value) ? region(in) : null);
    }

    private String phone(Message in, String field, String source, String value) {
        return ConnectlyValidator.phone(field, source, value, PhoneNumbers.isNational(value) ? region(in) : null);
    }

    /** Header CamelConnectlyDefaultRegion, else the option; read only for numbers without a plus sign. */
    private String region(Message in) {
        Object header = in.getHeader(ConnectlyConstants.DEFAULT_REGION);
        if (header == null) {
            return optionRegion;
        }
        return region(ConnectlyConstants.DEFAULT_REGION, "header " + ConnectlyConstants.DEFAULT_REGION, header.toString());
    }

    /** The region code of a defaultRegion value, null for none; refuses a code libphonenumber does not know. */
    static String region(String field, String source, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String region = PhoneNumbers.supportedRegion(value);
        if (region == null) {
            throw new ConnectlyValidationException(field, source, value,
                    "not an ISO 3166 region code libphonenumber knows; use two letters such as CA, US, GB, DE, BR, IN");
        }
        return region;
    }

    /** In a URI a plus sign decodes to a space: a value that starts with a space then a digit had a plus sign there. */
    static String uriPlus(String value) {
        if (value.length() > 1 && value.charAt(0) == ' ') {
            String rest = value.trim();
            if (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
                return "+" + rest;
            }
        }
        return value;
    }

    // ---- shared helpers

    /**
     * The header's value when set (not blank), else the option's; a header still holding what the webhook consumer put
     * there ranks below an option (see {@link WebhookEventDefaults}).
     */
    private static String value(Message in, String header, String option) {
        String text = header(in, header, option != null);
        return text != null ? text : option;
    }

    /** The header's text when it is set (not blank) and ranks above the option; else null. */
    private static String header(Message in, String header, boolean optionSet) {
        Object value = in.getHeader(header);
        if (value != null) {
            String text = value instanceof String ? (String) value : in.getHeader(header, String.class);
            if (text != null && !text.isBlank() && (!optionSet || !WebhookEventDefaults.isConsumerDefault(in, header, value))) {
                return text;
            }
        }
        return null;
    }

    private Object callbackData(Message in) {
        Object header = in.getHeader(ConnectlyConstants.CALLBACK_DATA);
        if (header == null
                || optionCallbackData != null && WebhookEventDefaults.isConsumerDefault(in, ConnectlyConstants.CALLBACK_DATA, header)) {
            return optionCallbackData;
        }
        return ConnectlyValidator.callbackData(ConnectlyConstants.CALLBACK_DATA, header);
    }

    /** The body as the request type when it is one (typed, Map, or JSON text); null for any other body. */
    private static <T> T optionalBody(Message in, Class<T> type) {
        Object body = in.getBody();
        if (type.isInstance(body)) {
            return type.cast(body);
        }
        if (body instanceof Map) {
            return convert(body, type);
        }
        if (body instanceof String && startsWithBrace((String) body)) {
            return convert(parse((String) body), type);
        }
        return null;
    }

    private static <T> T requiredBody(Message in, Class<T> type, String operation) {
        T request = optionalBody(in, type);
        if (request == null) {
            Object body = in.getBody();
            throw new ConnectlyValidationException("body", body == null ? null : body.getClass().getName(),
                    operation + " needs a " + type.getSimpleName() + ", a Map or a JSON object as the body");
        }
        return request;
    }

    private static boolean startsWithBrace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new ConnectlyValidationException("body", "(JSON text of " + json.length() + " chars)",
                    "a body starting with { is read as JSON, and this is not valid JSON: " + e.getMessage());
        }
    }

    private static <T> T convert(Object value, Class<T> type) {
        try {
            return value instanceof JsonNode ? MAPPER.treeToValue((JsonNode) value, type) : MAPPER.convertValue(value, type);
        } catch (Exception e) {
            throw new ConnectlyValidationException("body", "(" + value.getClass().getSimpleName() + ")",
                    "does not fit " + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}
