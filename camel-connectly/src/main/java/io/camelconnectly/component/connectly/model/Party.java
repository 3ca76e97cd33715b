package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A participant of a message as Connectly writes it: {@code {id, channelType, name}}, plus {@code userId} and
 * {@code phoneNumber} on numbers with business-scoped user ids. Used by session sends and by webhook events.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Party {

    public static final String CHANNEL_WHATSAPP = "whatsapp";

    private String id;
    private String channelType;
    private String name;
    private String userId;
    private String phoneNumber;

    public Party() {
    }

    public Party(String id, String channelType) {
        this.id = id;
        this.channelType = channelType;
    }

    public static Party whatsapp(String id) {
        return new Party(id, CHANNEL_WHATSAPP);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getChannelType() {
        return channelType;
    }

    public void setChannelType(String channelType) {
        this.channelType = channelType;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    @Override
    public String toString() {
        return "Party[" + channelType + ":" + id + "]";
    }
}
