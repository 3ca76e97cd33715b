package io.camelconnectly.routes;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelconnectly.component.connectly.ConnectlyConstants;
import io.camelconnectly.component.connectly.ConnectlyJson;
import io.camelconnectly.component.connectly.ConnectlyNumbers;
import io.camelconnectly.component.connectly.ConnectlyOperation;
import io.camelconnectly.component.connectly.client.ConnectlyValidationException;
import io.camelconnectly.component.connectly.model.CampaignSendoutResponse;
import io.camelconnectly.component.connectly.model.SendMessageResponse;
import io.camelconnectly.component.connectly.webhook.ConnectlyWebhookEvent;
import io.camelconnectly.component.connectly.webhook.DeliveryStatus;
import io.camelconnectly.component.connectly.webhook.DeliveryStatusEvent;
import io.camelconnectly.component.connectly.webhook.InboundMessageEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java side of the {@code connectly-delivery-tracking} Kamelet. On start it creates the table when missing
 * ({@code createTable}); per exchange it turns what the Kamelet receives into the named parameters of its SQL statements: the result
 * of a send (body {@code SendMessageResponse}, header {@code CamelConnectlyMessageId}) becomes an outbound record, a
 * delivery status event (body {@code DeliveryStatusEvent}, or its headers) a status record. Customer messages and
 * campaign sendouts (which have no message id) record nothing. Anything else is a misplaced step and fails with a
 * message that says where the Kamelet belongs.
 */
public class DeliveryTrackingRecords {

    public static final String KIND_OUTBOUND = "outbound";
    public static final String KIND_STATUS = "status";

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTrackingRecords.class);
    private static final int MAX_REMEMBERED_UNKNOWN_STATUSES = 32;

    private final Set<String> unknownStatusesLogged = ConcurrentHashMap.newKeySet();
    private DataSource dataSource;
    private boolean createTable = true;

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    /** Called by the Kamelet when its route starts. */
    public void start() throws SQLException {
        if (dataSource == null) {
            throw new IllegalArgumentException("connectly-delivery-tracking: parameter dataSource must name a "
                                               + "javax.sql.DataSource bean of the application");
        }
        if (createTable) {
            DeliveryTrackingTable.createIfMissing(dataSource);
        }
    }

    /**
     * The parameters of one record ({@code kind}, {@code messageId}, ...; absent values are null), or null when there is
     * nothing to record.
     */
    public Map<String, Object> of(Exchange exchange) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        if (body instanceof SendMessageResponse response) {
            return outbound(exchange, response.getId() != null ? response.getId() : header(message, ConnectlyConstants.MESSAGE_ID));
        }
        if (body instanceof DeliveryStatusEvent event) {
            return status(event.getStatusUpdateId(), event.getStatus(), event.getRawStatus(), event.getTimestamp(),
                    event.getCustomerNumber(), event.getBusinessNumber(), callbackDataJson(event),
                    event.getError() != null ? event.getError().getCode() : null);
        }
        if (body instanceof InboundMessageEvent || body instanceof CampaignSendoutResponse) {
            return null;
        }
        String topic = header(message, ConnectlyConstants.TOPIC);
        if (ConnectlyWebhookEvent.TOPIC_DELIVERY_STATUS.equals(topic)) {
            // the route replaced the event body: its headers still say everything but the error code
            String rawStatus = header(message, ConnectlyConstants.EVENT_TYPE);
            return status(header(message, ConnectlyConstants.STATUS_UPDATE_ID), DeliveryStatus.fromWire(rawStatus), rawStatus,
                    message.getHeader(ConnectlyConstants.TIMESTAMP, Instant.class),
                    header(message, ConnectlyConstants.CUSTOMER_NUMBER), header(message, ConnectlyConstants.BUSINESS_NUMBER),
                    json(message.getHeader(ConnectlyConstants.CALLBACK_DATA)), null);
        }
        if (ConnectlyWebhookEvent.TOPIC_MESSAGES.equals(topic)) {
            return null;
        }
        String messageId = header(message, ConnectlyConstants.MESSAGE_ID);
        if (messageId != null) {
            return outbound(exchange, messageId);
        }
        if (operation(exchange) == ConnectlyOperation.sendCampaign) {
            return null;
        }
        throw new IllegalArgumentException("connectly-delivery-tracking has nothing to record: the body is a "
                                           + (body == null ? "null" : body.getClass().getName())
                                           + " and header " + ConnectlyConstants.MESSAGE_ID + " is absent. Use it right after "
                                           + "connectly-sink (or connectly:sendMessage / sendTemplatedMessage), or on the "
                                           + "events of connectly-source");
    }

    private Map<String, Object> outbound(Exchange exchange, String messageId) {
        Message message = exchange.getMessage();
        ConnectlyOperation operation = operation(exchange);
        String sentAs = header(message, ConnectlyConstants.SENT_AS);
        if (sentAs == null) {
            sentAs = operation == ConnectlyOperation.sendMessage ? "session"
                    : operation == ConnectlyOperation.sendTemplatedMessage ? "template" : null;
        } else {
            sentAs = sentAs.toLowerCase(Locale.ROOT);
        }
        String templateName = null;
        if ("template".equals(sentAs)) {
            // a session send that went out as its fallback template
            templateName = operation == ConnectlyOperation.sendMessage
                    ? headerOrSink(exchange, ConnectlyConstants.FALLBACK_TEMPLATE_NAME, ConnectlySinkParameters::getFallbackTemplateName)
                    : headerOrSink(exchange, ConnectlyConstants.TEMPLATE_NAME, ConnectlySinkParameters::getTemplateName);
        }
        OffsetDateTime now = now();
        Map<String, Object> row = row(KIND_OUTBOUND, messageId, now);
        // a national number is read with the region the producer used (header CamelConnectlyDefaultRegion)
        row.put("recipient", normalised(headerOrSink(exchange, ConnectlyConstants.RECIPIENT, ConnectlySinkParameters::getRecipient),
                number -> ConnectlyNumbers.customer(number, header(exchange.getMessage(), ConnectlyConstants.DEFAULT_REGION))));
        row.put("sender", business(headerOrSink(exchange, ConnectlyConstants.SENDER, ConnectlySinkParameters::getSender)));
        row.put("sentAs", sentAs);
        row.put("templateName", templateName);
        row.put("callbackData", json(message.getHeader(ConnectlyConstants.CALLBACK_DATA)));
        row.put("acceptedAt", now);
        return row;
    }

    private Map<String, Object> status(String messageId, DeliveryStatus status, String rawStatus, Instant timestamp,
                                       String customer, String business, String callbackData, String errorCode) {
        if (messageId == null || messageId.isBlank()) {
            LOG.warn("connectly-delivery-tracking ignored a {} status without statusUpdate.id: nothing to attach it to",
                    rawStatus);
            return null;
        }
        if (status == DeliveryStatus.UNKNOWN) {
            if (unknownStatusesLogged.size() < MAX_REMEMBERED_UNKNOWN_STATUSES && unknownStatusesLogged.add(String.valueOf(rawStatus))) {
                LOG.warn("connectly-delivery-tracking ignores delivery status '{}': not one of sent, delivered, read, "
                         + "delivery_failed (logged once)", rawStatus);
            }
            return null;
        }
        OffsetDateTime at = timestamp != null ? OffsetDateTime.ofInstant(timestamp, ZoneOffset.UTC) : now();
        Map<String, Object> row = row(KIND_STATUS, messageId.trim(), now());
        row.put("status", status.wireValue());
        row.put("rank", rank(status));
        row.put("recipient", customer(customer));
        row.put("sender", business(business));
        row.put("callbackData", callbackData);
        row.put("errorCode", status == DeliveryStatus.DELIVERY_FAILED ? errorCode : null);
        row.put("sentAt", status == DeliveryStatus.SENT ? at : null);
        row.put("deliveredAt", status == DeliveryStatus.DELIVERED ? at : null);
        row.put("readAt", status == DeliveryStatus.READ ? at : null);
        row.put("failedAt", status == DeliveryStatus.DELIVERY_FAILED ? at : null);
        return row;
    }

    /** Only ever moves forward: a late delivered never replaces read, nothing replaces delivery_failed. */
    static int rank(DeliveryStatus status) {
        switch (status) {
            case SENT:
                return 1;
            case DELIVERED:
                return 2;
            case READ:
                return 3;
            case DELIVERY_FAILED:
                return 4;
            default:
                throw new IllegalArgumentException("no rank for " + status);
        }
    }

    private static Map<String, Object> row(String kind, String messageId, OffsetDateTime now) {
        Map<String, Object> row = new HashMap<>();
        row.put("kind", kind);
        row.put("messageId", messageId);
        row.put("now", now);
        return row;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The operation of the send: header CamelConnectlyOperation, else the sink's operation parameter. */
    private static ConnectlyOperation operation(Exchange exchange) {
        if (exchange.getMessage().getHeader(ConnectlyConstants.OPERATION) instanceof ConnectlyOperation operation) {
            return operation;
        }
        String value = headerOrSink(exchange, ConnectlyConstants.OPERATION, ConnectlySinkParameters::getOperation);
        if (value == null) {
            return null;
        }
        try {
            return ConnectlyOperation.parse("operation", value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** As the producer chose: the header when set, else the value the sink was given. */
    private static String headerOrSink(Exchange exchange, String header, Function<ConnectlySinkParameters, String> parameter) {
        String value = header(exchange.getMessage(), header);
        if (value == null && exchange.getVariable(ConnectlyRoutes.SINK_VARIABLE) instanceof ConnectlySinkParameters sink) {
            String given = parameter.apply(sink);
            value = given == null || given.isBlank() ? null : given.trim();
        }
        return value;
    }

    private static String header(Message message, String name) {
        Object value = message.getHeader(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static String customer(String value) {
        return normalised(value, ConnectlyNumbers::customer);
    }

    private static String business(String value) {
        return normalised(value, ConnectlyNumbers::business);
    }

    /** Stored as the producer sent it; a value the producer would have refused is kept as given. */
    private static String normalised(String value, UnaryOperator<String> normaliser) {
        if (value == null) {
            return null;
        }
        try {
            return normaliser.apply(value);
        } catch (ConnectlyValidationException e) {
            return value.trim();
        }
    }

    private static String callbackDataJson(DeliveryStatusEvent event) {
        return event.getCallbackData() == null || event.getCallbackData().isNull() ? null : json(event.getCallbackData());
    }

    /**
     * The JSON text of a callbackData value, the way the producer sends it: JSON object or array text as it is, other
     * text as a JSON string, anything else as its JSON.
     */
    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (trimmed.isEmpty()) {
                return null;
            }
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                return trimmed;
            }
        }
        try {
            return ConnectlyJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("connectly-delivery-tracking cannot write callbackData of type "
                                               + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(),
                    e);
        }
    }
}
