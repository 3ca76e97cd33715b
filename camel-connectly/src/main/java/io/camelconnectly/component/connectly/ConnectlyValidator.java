package io.camelconnectly.component.connectly;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelconnectly.component.connectly.client.ConnectlyValidationException;
import io.camelconnectly.component.connectly.model.Attachment;
import io.camelconnectly.component.connectly.model.CampaignEntry;
import io.camelconnectly.component.connectly.model.CampaignSendoutRequest;
import io.camelconnectly.component.connectly.model.CreateTemplateRequest;
import io.camelconnectly.component.connectly.model.CreateWebhookRequest;
import io.camelconnectly.component.connectly.model.InteractiveButton;
import io.camelconnectly.component.connectly.model.ListMessage;
import io.camelconnectly.component.connectly.model.ListRow;
import io.camelconnectly.component.connectly.model.ListSection;
import io.camelconnectly.component.connectly.model.Location;
import io.camelconnectly.component.connectly.model.ReplyButtonMessage;
import io.camelconnectly.component.connectly.model.SendMessageRequest;
import io.camelconnectly.component.connectly.model.SendTemplatedMessageRequest;
import io.camelconnectly.component.connectly.model.SessionMessage;
import io.camelconnectly.component.connectly.model.TemplateParameter;
import io.camelconnectly.component.connectly.model.UpdateWebhookRequest;

/**
 * Checks every request before it is sent, so Connectly is never called with something it would reject for a reason we
 * can see. Each error names the field, the value and what is allowed. Stateless; no regex on the hot path.
 */
final class ConnectlyValidator {

    static final int MAX_CALLBACK_DATA_BYTES = 1024;
    static final String BSUID_PREFIX = "bsuid:";
    static final String PHONE_RULE = "write it in E.164 (a plus sign, the country code, then the number, e.g. +16045550123), "
                                     + "or set defaultRegion (option defaultRegion or header "
                                     + ConnectlyConstants.DEFAULT_REGION + ", e.g. CA) to send national numbers such as "
                                     + "(604) 555-0123";

    private ConnectlyValidator() {
    }

    /**
     * A phone number in E.164 (see {@link PhoneNumbers}): international numbers as written (reformatted to E.164),
     * national ones only with a default region.
     *
     * @param source        where the value came from, named in the error
     * @param defaultRegion the region of national numbers, or null
     */
    static String phone(String field, String source, String value, String defaultRegion) {
        if (value == null || value.isBlank()) {
            throw new ConnectlyValidationException(field, source, null, "a WhatsApp number is required; " + PHONE_RULE);
        }
        String e164 = PhoneNumbers.toE164(value, defaultRegion);
        if (e164 == null) {
            throw new ConnectlyValidationException(field, source, value,
                    PhoneNumbers.problem(value, defaultRegion) + "; " + PHONE_RULE);
        }
        return e164;
    }

    /** A customer: a phone number as {@link #phone}, or a business-scoped user id (bsuid:... or bare, e.g. US.123...) as given. */
    static String customer(String field, String source, String value, String defaultRegion) {
        if (value != null && isBsuid(value.trim())) {
            return value.trim();
        }
        return phone(field, source, value, defaultRegion);
    }

    private static boolean isBsuid(String value) {
        if (value.startsWith(BSUID_PREFIX)) {
            return value.length() > BSUID_PREFIX.length();
        }
        // bare BSUID: two upper-case letters, a dot, then an id
        return value.length() > 3 && Character.isUpperCase(value.charAt(0)) && Character.isUpperCase(value.charAt(1))
               && value.charAt(2) == '.';
    }

    /**
     * Prepares callbackData: a String starting with { or [ is parsed as JSON, any other String is sent as a JSON string;
     * Maps, Lists and beans are sent as their JSON. At most 1024 bytes serialised.
     */
    static Object callbackData(String field, Object value) {
        if (value == null) {
            return null;
        }
        Object json = value;
        if (value instanceof String) {
            String text = ((String) value).trim();
            if (text.isEmpty()) {
                return null;
            }
            if (text.charAt(0) == '{' || text.charAt(0) == '[') {
                try {
                    json = ConnectlyJson.mapper().readTree(text);
                } catch (JsonProcessingException e) {
                    throw new ConnectlyValidationException(field, value,
                            "not valid JSON (" + e.getOriginalMessage() + "); give a JSON object or array, or plain text");
                }
            }
        }
        int size;
        try {
            size = ConnectlyJson.writeBytes(json).length;
        } catch (JsonProcessingException e) {
            throw new ConnectlyValidationException(field, value.getClass().getName(),
                    "cannot be written as JSON (" + e.getOriginalMessage() + "); use a Map, a List, a String or a simple bean");
        }
        if (size > MAX_CALLBACK_DATA_BYTES) {
            throw new ConnectlyValidationException(field, "(" + size + " bytes of JSON)",
                    "Connectly allows at most " + MAX_CALLBACK_DATA_BYTES + " bytes: send an id and look the rest up later");
        }
        return json;
    }

    static void sendMessage(SendMessageRequest request) {
        SessionMessage message = request.getMessage();
        if (message == null) {
            throw new ConnectlyValidationException("message", null,
                    "give text (a String body), attachments, location, listMessage or replyButtonMessage");
        }
        int kinds = (message.getText() != null ? 1 : 0) + (message.getAttachments() != null ? 1 : 0)
                    + (message.getLocation() != null ? 1 : 0) + (message.getListMessage() != null ? 1 : 0)
                    + (message.getReplyButtonMessage() != null ? 1 : 0)
                    + (message.getAdditionalProperties() != null ? message.getAdditionalProperties().size() : 0);
        if (kinds == 0) {
            throw new ConnectlyValidationException("message", "{}",
                    "has no content: give text, attachments, location, listMessage or replyButtonMessage");
        }
        if (message.getText() != null && message.getText().isBlank()
                && message.getAttachments() == null && message.getAdditionalProperties() == null) {
            throw new ConnectlyValidationException("message.text", message.getText(), "must not be empty");
        }
        if (message.getAttachments() != null) {
            attachments(message.getAttachments());
        }
        if (message.getLocation() != null) {
            location(message.getLocation());
        }
        if (message.getListMessage() != null) {
            listMessage(message.getListMessage());
        }
        if (message.getReplyButtonMessage() != null) {
            replyButtons(message.getReplyButtonMessage());
        }
    }

    private static void attachments(List<Attachment> attachments) {
        if (attachments.size() != 1) {
            throw new ConnectlyValidationException("message.attachments", attachments.size() + " attachments",
                    "Connectly takes exactly one attachment per message: send several messages");
        }
        attachment("message.attachments[0]", attachments.get(0));
    }

    private static void attachment(String field, Attachment attachment) {
        if (attachment == null) {
            throw new ConnectlyValidationException(field, null, "an attachment {type, url} is required");
        }
        String type = attachment.getType();
        if (!Attachment.TYPE_IMAGE.equals(type) && !Attachment.TYPE_VIDEO.equals(type) && !Attachment.TYPE_AUDIO.equals(type)
                && !Attachment.TYPE_DOCUMENT.equals(type)) {
            throw new ConnectlyValidationException(field + ".type", type, "allowed: image, video, audio, document");
        }
        httpUrl(field + ".url", attachment.getUrl(), "a public http(s) URL of the media");
        if (attachment.getFilename() != null && !Attachment.TYPE_DOCUMENT.equals(type)) {
            throw new ConnectlyValidationException(field + ".filename", attachment.getFilename(),
                    "filename is only allowed for type document");
        }
    }

    private static void location(Location location) {
        if (location.getLatitude() == null || location.getLatitude() < -90 || location.getLatitude() > 90) {
            throw new ConnectlyValidationException("message.location.latitude", location.getLatitude(), "a number from -90 to 90");
        }
        if (location.getLongitude() == null || location.getLongitude() < -180 || location.getLongitude() > 180) {
            throw new ConnectlyValidationException("message.location.longitude", location.getLongitude(),
                    "a number from -180 to 180");
        }
    }

    private static void listMessage(ListMessage list) {
        InteractiveButton button = list.getButton();
        if (button == null || isBlank(button.getText())) {
            throw new ConnectlyValidationException("message.listMessage.button.text", button == null ? null : button.getText(),
                    "the list needs a button text (the button that opens it)");
        }
        if (list.getSections() == null || list.getSections().isEmpty()) {
            throw new ConnectlyValidationException("message.listMessage.sections", null, "at least one section with rows");
        }
        int rows = 0;
        for (int s = 0; s < list.getSections().size(); s++) {
            ListSection section = list.getSections().get(s);
            if (section == null || section.getRows() == null || section.getRows().isEmpty()) {
                throw new ConnectlyValidationException("message.listMessage.sections[" + s + "].rows", null, "at least one row");
            }
            for (int r = 0; r < section.getRows().size(); r++) {
                ListRow row = section.getRows().get(r);
                if (row == null || isBlank(row.getId()) || isBlank(row.getText())) {
                    throw new ConnectlyValidationException("message.listMessage.sections[" + s + "].rows[" + r + "]",
                            row == null ? null : "id=" + row.getId() + ", text=" + row.getText(), "each row needs an id and a text");
                }
                rows++;
            }
        }
        if (rows > 10) {
            throw new ConnectlyValidationException("message.listMessage.sections", rows + " rows",
                    "WhatsApp allows at most 10 rows in a list");
        }
    }

    private static void replyButtons(ReplyButtonMessage message) {
        List<InteractiveButton> buttons = message.getButtons();
        if (buttons == null || buttons.isEmpty() || buttons.size() > 3) {
            throw new ConnectlyValidationException("message.replyButtonMessage.buttons",
                    buttons == null ? null : buttons.size() + " buttons", "WhatsApp takes 1 to 3 reply buttons");
        }
        for (int i = 0; i < buttons.size(); i++) {
            InteractiveButton button = buttons.get(i);
            if (button == null || isBlank(button.getId()) || isBlank(button.getText())) {
                throw new ConnectlyValidationException("message.replyButtonMessage.buttons[" + i + "]",
                        button == null ? null : "id=" + button.getId() + ", text=" + button.getText(),
                        "each button needs an id (it comes back in the reply) and a text");
            }
        }
        if (message.getHeader() != null && message.getHeader().getAttachment() != null) {
            attachment("message.replyButtonMessage.header.attachment", message.getHeader().getAttachment());
        }
    }

    static void sendTemplatedMessage(SendTemplatedMessageRequest request) {
        if (isBlank(request.getTemplateName())) {
            throw new ConnectlyValidationException("templateName", null,
                    "set the approved template's name (option templateName or header CamelConnectlyTemplateName)");
        }
        if (isBlank(request.getLanguage())) {
            throw new ConnectlyValidationException("language", null,
                    "set the template language code, e.g. en or en_US (option language or header CamelConnectlyLanguage)");
        }
        if (request.getParameters() != null) {
            for (TemplateParameter parameter : request.getParameters()) {
                if (parameter == null || isBlank(parameter.getName())) {
                    throw new ConnectlyValidationException("templateParameters", null,
                            "each parameter needs a name such as body_1, header_text, header_image, button_1_url");
                }
                if (parameter.getValue() == null) {
                    throw new ConnectlyValidationException("templateParameters." + parameter.getName(), null,
                            "a value is required");
                }
            }
        }
    }

    static void sendCampaign(CampaignSendoutRequest request) {
        if (request.getEntries() == null || request.getEntries().isEmpty()) {
            throw new ConnectlyValidationException("entries", null,
                    "at least one entry: set recipient (option or header CamelConnectlyRecipient) or give a CampaignSendoutRequest");
        }
        for (int i = 0; i < request.getEntries().size(); i++) {
            CampaignEntry entry = request.getEntries().get(i);
            if (entry == null) {
                throw new ConnectlyValidationException("entries[" + i + "]", null, "an entry {client, campaignName} is required");
            }
            if (isBlank(entry.getCampaignName())) {
                throw new ConnectlyValidationException("campaignName", null,
                        "set the Flow Builder campaign name (option campaignName or header CamelConnectlyCampaignName)");
            }
        }
    }

    static void createTemplate(CreateTemplateRequest request) {
        if (isBlank(request.getName())) {
            throw new ConnectlyValidationException("name", null, "the template name is required (lower case, digits, _)");
        }
        for (int i = 0; i < request.getName().length(); i++) {
            char c = request.getName().charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_') {
                throw new ConnectlyValidationException("name", request.getName(),
                        "WhatsApp template names use only lower-case letters, digits and _");
            }
        }
        if (request.getLanguage() == null || isBlank(request.getLanguage().getCode())) {
            throw new ConnectlyValidationException("language.code", null, "the language code is required, e.g. en_US");
        }
        if (isBlank(request.getCategory())) {
            throw new ConnectlyValidationException("category", null, "allowed: " + CreateTemplateRequest.CATEGORY_MARKETING + ", "
                                                                    + CreateTemplateRequest.CATEGORY_UTILITY + ", "
                                                                    + CreateTemplateRequest.CATEGORY_AUTHENTICATION);
        }
        if (request.getTemplateComponents() == null || request.getTemplateComponents().isEmpty()) {
            throw new ConnectlyValidationException("template_components", null, "at least a body component is required");
        }
    }

    static void createWebhook(CreateWebhookRequest request) {
        String topic = request.getTopic();
        if (!CreateWebhookRequest.TOPIC_MESSAGES.equals(topic) && !CreateWebhookRequest.TOPIC_DELIVERY_STATUS.equals(topic)) {
            throw new ConnectlyValidationException("topic", topic, "allowed: messages, delivery_status");
        }
        webhookAddress(request.getAddress());
        String type = request.getType();
        if (type != null && !type.equals("custom") && !type.equals("zapier") && !type.equals("webengage")
                && !type.equals("integromat_make")) {
            throw new ConnectlyValidationException("type", type, "allowed: custom, zapier, webengage, integromat_make");
        }
    }

    static void updateWebhook(String webhookId, UpdateWebhookRequest request) {
        webhookId(webhookId);
        if (request.getAddress() == null && request.getConfiguration() == null) {
            throw new ConnectlyValidationException("body", "{}", "give address and/or configuration to change");
        }
        if (request.getAddress() != null) {
            webhookAddress(request.getAddress());
        }
    }

    static void webhookId(String webhookId) {
        if (isBlank(webhookId)) {
            throw new ConnectlyValidationException("webhookId", null,
                    "set the registration id (option webhookId or header CamelConnectlyWebhookId); getWebhooks lists them");
        }
    }

    /** Connectly posts to HTTPS only; plain http is allowed for loopback hosts (local tests, the simulator). */
    static void webhookAddress(String address) {
        URI uri = httpUrl("address", address, "a public https URL (http only for localhost)");
        if ("http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
            throw new ConnectlyValidationException("address", address,
                    "Connectly posts webhooks over HTTPS only: use https:// (http is allowed only for localhost)");
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    private static URI httpUrl(String field, String value, String allowed) {
        if (isBlank(value)) {
            throw new ConnectlyValidationException(field, null, allowed);
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (Exception e) {
            throw new ConnectlyValidationException(field, value, allowed);
        }
        if (uri.getHost() == null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new ConnectlyValidationException(field, value, allowed);
        }
        return uri;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
