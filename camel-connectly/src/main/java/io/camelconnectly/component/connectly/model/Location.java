package io.camelconnectly.component.connectly.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A location pin of a session message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Location {

    private Double latitude;
    private Double longitude;
    private String name;
    private String address;

    public Location() {
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    /** Fluent setter of {@code latitude}. */
    public Location withLatitude(Double latitude) {
        this.latitude = latitude;
        return this;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    /** Fluent setter of {@code longitude}. */
    public Location withLongitude(Double longitude) {
        this.longitude = longitude;
        return this;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Fluent setter of {@code name}. */
    public Location withName(String name) {
        this.name = name;
        return this;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** Fluent setter of {@code address}. */
    public Location withAddress(String address) {
        this.address = address;
        return this;
    }
}
