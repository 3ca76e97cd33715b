package io.camelconnectly.component.connectly;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the {@code connectly:} component. A header named after an endpoint option wins over that
 * option for the one message that carries it.
 */
public final class ConnectlyConstants {

    public static final String SCHEME = "connectly";

    // ---- producer: per-message overrides of endpoint options

    @Metadata(label = "producer", description = "The operation to perform, overriding the URI path for this message.",
              javaType = "String", enums = "sendMessage,sendTemplatedMessage,sendCampaign,getTemplates,createTemplate,"
                                           + "getQualitySignals,createWebhook,getWebhooks,updateWebhook,deleteWebhook")
    public static final String OPERATION = "CamelConnectlyOperation";

    @Metadata(description = "The customer's WhatsApp number in E.164 (a plus sign and 8 to 15 digits); wins over the recipient option. "
                            + "Set by the webhook consumer on inbound messages, so a route can reply with no mapping; that "
                            + "value is only a default: a recipient option on the producer's endpoint wins over it.",
              javaType = "String")
    public static final String RECIPIENT = "CamelConnectlyRecipient";

    @Metadata(label = "producer", description = "The business WhatsApp number to send from, in E.164; wins over the sender option.",
              javaType = "String")
    public static final String SENDER = "CamelConnectlySender";

    @Metadata(label = "producer",
              description = "The ISO 3166 region (e.g. CA, US, DE) national phone numbers of this message belong to; wins over "
                            + "the defaultRegion option.",
              javaType = "String")
    public static final String DEFAULT_REGION = "CamelConnectlyDefaultRegion";

    @Metadata(description = "Producer: any JSON value (a Map, a bean or a JSON string, at most 1024 bytes serialised) that Connectly "
                            + "echoes in related webhooks; wins over the callbackData option. Consumer: the callbackData echoed by "
                            + "Connectly, parsed JSON (Map, List, String, Number or Boolean); as a producer input it is only a "
                            + "default: a callbackData option on the producer's endpoint wins over it.",
              javaType = "Object")
    public static final String CALLBACK_DATA = "CamelConnectlyCallbackData";

    @Metadata(label = "producer", description = "The approved template's name; wins over the templateName option.",
              javaType = "String")
    public static final String TEMPLATE_NAME = "CamelConnectlyTemplateName";

    @Metadata(label = "producer", description = "The template language code (e.g. en, en_US); wins over the language option.",
              javaType = "String")
    public static final String LANGUAGE = "CamelConnectlyLanguage";

    @Metadata(label = "producer",
              description = "Template parameters, name to value (body_1, header_text, button_1_url, ...); wins over the "
                            + "templateParameters option.",
              javaType = "java.util.Map<String, Object>")
    public static final String TEMPLATE_PARAMETERS = "CamelConnectlyTemplateParameters";

    @Metadata(label = "producer",
              description = "sendMessage: the approved template sent instead of the session message when the customer's 24-hour "
                            + "window is closed; wins over the fallbackTemplateName option.",
              javaType = "String")
    public static final String FALLBACK_TEMPLATE_NAME = "CamelConnectlyFallbackTemplateName";

    @Metadata(label = "producer", description = "sendMessage: the fallback template's language code; wins over the "
                                                + "fallbackLanguage option.",
              javaType = "String")
    public static final String FALLBACK_LANGUAGE = "CamelConnectlyFallbackLanguage";

    @Metadata(label = "producer", description = "The Flow Builder campaign name; wins over the campaignName option.",
              javaType = "String")
    public static final String CAMPAIGN_NAME = "CamelConnectlyCampaignName";

    @Metadata(label = "producer",
              description = "Whether the same customer may receive the same campaign again; wins over the allowDuplicates option.",
              javaType = "Boolean")
    public static final String ALLOW_DUPLICATES = "CamelConnectlyAllowDuplicates";

    @Metadata(label = "producer", description = "The webhook registration id for updateWebhook and deleteWebhook; wins over "
                                                + "the webhookId option.",
              javaType = "String")
    public static final String WEBHOOK_ID = "CamelConnectlyWebhookId";

    // ---- results

    @Metadata(description = "Producer: the id of the message Connectly created (equals statusUpdate.id of later delivery "
                            + "statuses). Consumer: the id of the outbound message a delivery status or a reply refers to.",
              javaType = "String")
    public static final String MESSAGE_ID = "CamelConnectlyMessageId";

    @Metadata(label = "producer",
              description = "How the message went out: session (a session message) or template (a template message: "
                            + "sendTemplatedMessage, or sendMessage's fallback template). Set on the result of sendMessage and "
                            + "sendTemplatedMessage.",
              javaType = "String", enums = "session,template")
    public static final String SENT_AS = "CamelConnectlySentAs";

    /** {@link #SENT_AS} of a session message. */
    public static final String SENT_AS_SESSION = "session";
    /** {@link #SENT_AS} of a template message. */
    public static final String SENT_AS_TEMPLATE = "template";

    // ---- consumer: what a webhook event carries

    @Metadata(label = "consumer", description = "The webhook topic: messages or delivery_status.", javaType = "String")
    public static final String TOPIC = "CamelConnectlyTopic";

    @Metadata(label = "consumer",
              description = "The event type: text, media, location, button_reply, list_reply, reaction, unknown for inbound "
                            + "messages; sent, delivered, read, delivery_failed for delivery statuses.",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelConnectlyEventType";

    @Metadata(label = "consumer", description = "The customer's number (sender of inbound messages, recipient of delivery statuses).",
              javaType = "String")
    public static final String CUSTOMER_NUMBER = "CamelConnectlyCustomerNumber";

    @Metadata(label = "consumer", description = "The business number the event concerns.", javaType = "String")
    public static final String BUSINESS_NUMBER = "CamelConnectlyBusinessNumber";

    @Metadata(label = "consumer", description = "statusUpdate.id of a delivery status: the id the send returned.",
              javaType = "String")
    public static final String STATUS_UPDATE_ID = "CamelConnectlyStatusUpdateId";

    @Metadata(label = "consumer", description = "The event time (Connectly's timestamp, Unix seconds).",
              javaType = "java.time.Instant")
    public static final String TIMESTAMP = "CamelConnectlyTimestamp";

    @Metadata(label = "consumer", description = "The raw webhook body exactly as received and verified (UTF-8 JSON text).",
              javaType = "String")
    public static final String RAW_BODY = "CamelConnectlyRawBody";

    @Metadata(label = "consumer",
              description = "The key under which the event is deduplicated in the idempotentRepository (statusUpdate.id:status "
                            + "of a status, SHA-256 of the raw body of an inbound message). A transacted route can write the "
                            + "completed mark with its own database work: see JdbcLeasedIdempotentRepository.confirm.",
              javaType = "String")
    public static final String DEDUPE_KEY = "CamelConnectlyDedupeKey";

    private ConnectlyConstants() {
    }
}
